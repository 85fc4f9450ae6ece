using SithSynth.Pipeline.Idempotency;

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

    /// <summary>Activity retries, each optional (defaults: <see cref="SithSynth.Pipeline.Orchestration.RetrySettings.Default"/>).</summary>
    public const string RetryMaxAttempts = "Retry:maxAttempts";

    /// <summary>Wait before the first retry, hh:mm:ss.</summary>
    public const string RetryFirstInterval = "Retry:firstRetryInterval";

    /// <summary>Factor by which each further wait grows.</summary>
    public const string RetryBackoffCoefficient = "Retry:backoffCoefficient";

    /// <summary>
    /// The server secret mixed into ids made from Idempotency-Keys (at least 16 characters, the same on every instance,
    /// e.g. a Key Vault reference). Unset (the Bicep default) means the shared secret blob in <see cref="IdempotencySecretContainer"/>.
    /// </summary>
    public const string IdempotencySecret = "Idempotency:secret";

    /// <summary>
    /// The private container, in the artifacts account, whose blob holds the idempotency secret every instance shares
    /// (created by the first instance to need it); default <see cref="SharedSecretBlob.DefaultContainerName"/>.
    /// </summary>
    public const string IdempotencySecretContainer = "Idempotency:secretContainer";

    /// <summary>
    /// The private container, in the artifacts account, holding the API keys' entries (hashes only) that
    /// <c>sithsynth api-key</c> issues; default <see cref="SithSynth.Pipeline.Access.BlobApiKeyStore.DefaultContainerName"/>.
    /// </summary>
    public const string ApiKeyContainer = "ApiKeys:containerName";

    /// <summary>The URL clients reach the API at when it is not the app's own host name (a custom domain, Front Door).</summary>
    public const string PublicBaseUrl = "Api:publicBaseUrl";

    /// <summary>The app's own host name, set by the platform (and by <c>func start</c>); links use it over HTTPS.</summary>
    public const string HostName = "WEBSITE_HOSTNAME";

    /// <summary>Where Application Insights is; unset (local runs) means no telemetry is sent.</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>ClientId=…;Authorization=AAD</c>: send telemetry signed in as that managed identity.</summary>
    public const string ApplicationInsightsAuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
}
