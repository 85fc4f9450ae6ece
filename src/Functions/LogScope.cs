using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SithSynth.Functions;

/// <summary>
/// The structured fields every log line of an invocation carries, so one query finds everything about a generation
/// or a request: <c>GenerationId</c>, the Functions <c>InvocationId</c>, and the W3C trace id as <c>CorrelationId</c>
/// (Application Insights' operation id; a client that sends a <c>traceparent</c> sees its own trace id here).
/// </summary>
public static class LogScope
{
    public const string GenerationId = nameof(GenerationId);
    public const string InvocationId = nameof(InvocationId);
    public const string CorrelationId = nameof(CorrelationId);

    public static IDisposable? Begin(ILogger logger, FunctionContext? context, string? generationId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(Fields(context, generationId));
    }

    public static Dictionary<string, object?> Fields(FunctionContext? context, string? generationId)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (context is not null)
        {
            fields[InvocationId] = context.InvocationId;
            fields[CorrelationId] = TraceId(context.TraceContext?.TraceParent);
        }

        if (!string.IsNullOrEmpty(generationId))
        {
            fields[GenerationId] = generationId;
        }

        return fields;
    }

    /// <summary>The trace id of a W3C traceparent (<c>00-traceid-spanid-flags</c>), or the value itself if it has another shape.</summary>
    public static string? TraceId(string? traceParent)
    {
        if (string.IsNullOrEmpty(traceParent))
        {
            return null;
        }

        var parts = traceParent.Split('-');
        return parts.Length == 4 && parts[1].Length == 32 ? parts[1] : traceParent;
    }
}
