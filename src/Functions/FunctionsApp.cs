using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SithSynth.Functions;

/// <summary>
/// How the worker is put together; Program runs it, and the tests build the same host to check that every service
/// the functions need resolves.
/// </summary>
public static class FunctionsApp
{
    /// <summary>The Application Insights logger provider, whose default rule drops everything below Warning.</summary>
    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public static FunctionsApplicationBuilder ConfigureSithSynth(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // ASP.NET Core integration: triggers take HttpRequest and return the handlers' IResult.
        builder.ConfigureFunctionsWebApplication();

        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();
        if (TelemetryAuthentication.Credential(builder.Configuration[AppSettings.ApplicationInsightsAuthenticationString]) is { } credential)
        {
            builder.Services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(credential));
        }

        // Information logs (generation ids, stage timings) must reach Application Insights; host.json sets the levels.
        builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsLoggerProvider);
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });

        builder.Services.AddSithSynthPipeline(builder.Configuration);
        return builder;
    }
}
