namespace SithSynth.Functions;

/// <summary>
/// The configuration keys the app reads itself (Functions app settings; <c>__</c> in a setting name is <c>:</c> here).
/// The artifact store's keys are <see cref="SithSynth.Pipeline.Artifacts.ArtifactStorageSettings"/>'s section; the host
/// reads <c>AzureWebJobsStorage*</c> and the telemetry SDKs read <c>APPLICATIONINSIGHTS_*</c>.
/// </summary>
public static class AppSettings
{
    /// <summary>The models folder; unset means the <c>models</c> folder shipped beside the app.</summary>
    public const string ModelsDirectory = "Models:directory";

    /// <summary>Activity retries: <c>maxAttempts</c>, <c>firstRetryInterval</c> (hh:mm:ss), <c>backoffCoefficient</c>.</summary>
    public const string RetrySection = "Retry";

    /// <summary>Where Application Insights is; unset (local runs) means no telemetry is sent.</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>ClientId=…;Authorization=AAD</c>: send telemetry signed in as that managed identity.</summary>
    public const string ApplicationInsightsAuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
}
