using Microsoft.DurableTask;
using SithSynth.Domain.Models;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// How activities are retried: transient failures (storage hiccups, timeouts) up to <see cref="MaxAttempts"/> times with
/// exponential back-off; failures that a retry cannot fix (an unreadable model, a document that does not parse, an
/// invalid argument) fail at once.
/// </summary>
public sealed record RetrySettings(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 2)
{
    public static RetrySettings Default { get; } = new(4, TimeSpan.FromSeconds(2));

    /// <summary>Exception types (full names, as task failure details carry them) that retrying cannot fix.</summary>
    public static IReadOnlySet<string> PermanentErrorTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        typeof(InvalidDataException).FullName!,
        typeof(ModelCardException).FullName!,
        typeof(KeyNotFoundException).FullName!,
        typeof(ArgumentException).FullName!,
        typeof(ArgumentNullException).FullName!,
        typeof(ArgumentOutOfRangeException).FullName!,
        typeof(FormatException).FullName!,
    };

    /// <summary>Whether a failure deserves another attempt. Pure string comparison, so it is safe in orchestrator code.</summary>
    public static bool IsTransient(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return !PermanentErrorTypes.Contains(failure.ErrorType);
    }

    public TaskOptions ToTaskOptions() => TaskOptions.FromRetryPolicy(new RetryPolicy(MaxAttempts, FirstRetryInterval, BackoffCoefficient)
    {
        HandleFailure = IsTransient,
    });
}
