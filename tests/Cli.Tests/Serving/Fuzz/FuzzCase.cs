namespace SithSynth.Cli.Tests.Serving.Fuzz;

/// <summary>
/// One adversarial request as bytes; <see cref="AppAnswers"/> when Kestrel lets the application answer it under /api,
/// <see cref="LeavesApi"/> when its dot segments take it out of /api (Kestrel resolves them), so it must find nothing.
/// </summary>
internal sealed record FuzzCase(string Name, byte[] Bytes, bool HalfClose, bool AppAnswers, bool LeavesApi = false);
