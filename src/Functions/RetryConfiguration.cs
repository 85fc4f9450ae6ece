using System.Globalization;
using Microsoft.Extensions.Configuration;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions;

/// <summary>
/// Reads the activity retry policy from the <c>Retry</c> section; every key is optional and falls back to
/// <see cref="RetrySettings.Default"/>, so the app needs no setting to retry sensibly.
/// </summary>
public static class RetryConfiguration
{
    public static RetrySettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AppSettings.RetrySection);
        var fallback = RetrySettings.Default;
        var settings = new RetrySettings(
            section["maxAttempts"] is { } attempts ? int.Parse(attempts, CultureInfo.InvariantCulture) : fallback.MaxAttempts,
            section["firstRetryInterval"] is { } interval ? TimeSpan.Parse(interval, CultureInfo.InvariantCulture) : fallback.FirstRetryInterval,
            section["backoffCoefficient"] is { } coefficient ? double.Parse(coefficient, CultureInfo.InvariantCulture) : fallback.BackoffCoefficient);
        if (settings.MaxAttempts < 1 || settings.FirstRetryInterval <= TimeSpan.Zero || settings.BackoffCoefficient < 1)
        {
            throw new InvalidOperationException(
                $"{AppSettings.RetrySection}: maxAttempts must be at least 1, firstRetryInterval positive and backoffCoefficient at least 1 (got {settings}).");
        }

        return settings;
    }
}
