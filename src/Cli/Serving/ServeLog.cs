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

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: deleted {Files} files of canceled or failed generations, forgot {Generations} finished generations")]
    public static partial void Housekept(ILogger logger, int files, int generations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping failed; it runs again shortly")]
    public static partial void HousekeepingFailed(ILogger logger, Exception error);
}
