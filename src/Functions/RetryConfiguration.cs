using System.Globalization;
using Microsoft.Extensions.Configuration;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions;

/// <summary>
/// Reads the activity retry policy from the <c>Retry</c> settings. Every key is optional (unset or empty falls back to
/// <see cref="RetrySettings.Default"/>), so the app retries sensibly with no setting at all, as Bicep deploys it.
/// </summary>
public static class RetryConfiguration
{
    public static RetrySettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var fallback = RetrySettings.Default;
        var settings = new RetrySettings(
            Value(configuration, AppSettings.RetryMaxAttempts, fallback.MaxAttempts, s => int.Parse(s, CultureInfo.InvariantCulture)),
            Value(configuration, AppSettings.RetryFirstInterval, fallback.FirstRetryInterval, s => TimeSpan.Parse(s, CultureInfo.InvariantCulture)),
            Value(configuration, AppSettings.RetryBackoffCoefficient, fallback.BackoffCoefficient, s => double.Parse(s, CultureInfo.InvariantCulture)));
        if (settings.MaxAttempts < 1 || settings.FirstRetryInterval <= TimeSpan.Zero || settings.BackoffCoefficient < 1)
        {
            throw new InvalidOperationException(
                $"Retry: maxAttempts must be at least 1, firstRetryInterval positive and backoffCoefficient at least 1 (got {settings}).");
        }

        return settings;
    }

    private static T Value<T>(IConfiguration configuration, string key, T fallback, Func<string, T> parse)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Setting {key.Replace(":", "__", StringComparison.Ordinal)} = '{text}' cannot be read.", e);
        }
        catch (OverflowException e)
        {
            throw new InvalidOperationException($"Setting {key.Replace(":", "__", StringComparison.Ordinal)} = '{text}' is out of range.", e);
        }
    }
}
