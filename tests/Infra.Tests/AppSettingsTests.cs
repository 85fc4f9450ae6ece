namespace SithSynth.Infra.Tests;

/// <summary>The app's settings connect through its managed identity; no key or key-bearing connection string appears.</summary>
public sealed class AppSettingsTests
{
    private static readonly string[] KeyMarkers =
    [
        "AccountKey", "SharedAccessKey", "SharedAccessSignature", "DefaultEndpointsProtocol", "InstrumentationKey=", "listKeys",
        "sig=",
    ];

    private static Dictionary<string, string> Settings { get; } =
        Assert.Single(CompiledTemplate.OfType("Microsoft.Web/sites")).At("properties.siteConfig.appSettings")!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => ArmResource.AsText(s!["value"]), StringComparer.Ordinal);

    [Fact]
    public void Host_storage_is_reached_by_account_name_and_managed_identity()
    {
        Assert.Equal("[parameters('runtimeStorageAccountName')]", Settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", Settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", Settings["AzureWebJobsStorage__clientId"]);
    }

    [Fact]
    public void No_plain_connection_string_settings()
    {
        Assert.False(Settings.ContainsKey("AzureWebJobsStorage"));
        Assert.DoesNotContain(Settings.Keys, k => k.StartsWith("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", StringComparison.Ordinal));
        Assert.DoesNotContain(Settings.Keys, k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_value_carries_a_key()
    {
        Assert.All(Settings, s => Assert.All(KeyMarkers, marker => Assert.DoesNotContain(marker, s.Value, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Every_identity_based_connection_names_the_managed_identity()
    {
        var connections = Settings.Keys.Where(k => k.EndsWith("__credential", StringComparison.Ordinal)).ToList();

        Assert.Contains("ArtifactStorage__credential", connections);
        Assert.All(connections, credential =>
        {
            var section = credential[..^"__credential".Length];
            Assert.Equal("managedidentity", Settings[credential]);
            Assert.Equal("[parameters('identityClientId')]", Settings[$"{section}__clientId"]);
        });
    }

    [Fact]
    public void Telemetry_authenticates_with_entra_id()
    {
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        // Read from the resource at deployment time, never passed around as a parameter or output.
        Assert.Equal("[reference('applicationInsights').ConnectionString]", Settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public void Settings_flex_consumption_rejects_are_absent()
    {
        // Flex Consumption takes the runtime from functionAppConfig and refuses these as app settings.
        Assert.False(Settings.ContainsKey("FUNCTIONS_WORKER_RUNTIME"));
        Assert.False(Settings.ContainsKey("FUNCTIONS_EXTENSION_VERSION"));
        Assert.False(Settings.ContainsKey("WEBSITE_RUN_FROM_PACKAGE"));
    }
}
