using Microsoft.Extensions.Logging;

namespace SithSynth.Cli.Serving;

/// <summary>What serve writes to its console log, one line per API request and one per unexpected failure.</summary>
internal static partial class ServeLog
{
    public const string Category = "SithSynth.Serve";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} in {Milliseconds:0.0} ms")]
    public static partial void Answered(ILogger logger, string method, string? path, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure answering {Method} {Path} (trace id {TraceId})")]
    public static partial void Failed(ILogger logger, Exception? error, string method, string? path, string traceId);
}
