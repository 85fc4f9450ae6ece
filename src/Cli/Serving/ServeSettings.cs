namespace SithSynth.Cli.Serving;

/// <summary>What <c>sithsynth serve</c> was asked to do, checked and resolved to full paths.</summary>
internal sealed record ServeSettings(
    IReadOnlyList<Uri> Urls,
    string ModelsDirectory,
    string ArtifactsDirectory,
    string? StorageConnectionString,
    string TaskHub,
    TimeSpan LinkLifetime,
    string? WebDirectory);
