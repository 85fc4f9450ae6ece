namespace SithSynth.Infra.Tests;

/// <summary>
/// The web client is a Free-tier Static Web App whose origin, and only the web client's origins, may call the API and
/// read generated files from the artifacts account in a browser (GET only).
/// </summary>
public sealed class WebClientTests
{
    private static ArmResource Site => Assert.Single(CompiledTemplate.OfType("Microsoft.Web/staticSites"));

    private static ArmResource ArtifactBlobService => CompiledTemplate
        .ResourcesOf(CompiledTemplate.Module("artifact-storage").Properties["template"]!.AsObject())
        .Single(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices");

    [Fact]
    public void The_client_is_a_free_static_web_app_without_preview_environments()
    {
        Assert.Equal("Free", Site.Node["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("Free", Site.Node["sku"]!["tier"]!.GetValue<string>());
        // Preview sites would each be an origin that CORS does not list.
        Assert.Equal("Disabled", Site.Properties["stagingEnvironmentPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Azd_finds_the_site_as_its_web_service_and_builds_the_client_against_the_api()
    {
        Assert.Contains("'azd-service-name': 'web'", File.ReadAllText(Path.Combine(Repository.Root, "infra", "bicep", "modules", "static-web-app.bicep")), StringComparison.Ordinal);
        var azure = File.ReadAllText(Path.Combine(Repository.Root, "azure.yaml"));
        Assert.Matches(@"(?m)^  web:\n    project: \./web\n    language: js\n    host: staticwebapp\n    dist: dist$", azure.ReplaceLineEndings("\n"));
        Assert.Contains("VITE_API_BASE=%s/", azure, StringComparison.Ordinal);
        Assert.Contains("\"$FUNCTION_APP_URL\"", azure, StringComparison.Ordinal);
        Assert.True(CompiledTemplate.Root["outputs"]!.AsObject().ContainsKey("FUNCTION_APP_URL"));
    }

    [Fact]
    public void Its_origin_is_an_https_origin_output_for_the_workflow()
    {
        var module = CompiledTemplate.Module("web-client").Properties["template"]!["outputs"]!["origin"]!["value"]!.GetValue<string>();
        Assert.StartsWith("[format('https://{0}'", module, StringComparison.Ordinal);
        Assert.DoesNotContain("/'", module.Replace("https://", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var outputs = CompiledTemplate.Root["outputs"]!.AsObject();
        Assert.Equal("[reference('webClient').outputs.origin.value]", outputs["WEB_CLIENT_URL"]!["value"]!.GetValue<string>());
        Assert.Equal("[reference('webClient').outputs.name.value]", outputs["STATIC_WEB_APP_NAME"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_artifacts_account_lets_exactly_the_web_client_origins_get_blobs()
    {
        Assert.Equal(CorsTests.WebClientOrigins, CompiledTemplate.Module("artifact-storage").Properties["parameters"]!["browserReadOrigins"]!["value"]!.GetValue<string>());

        // In the module: one rule when origins are given, none otherwise; GET only, with exactly the parameter's origins.
        var cors = ArmResource.AsText(ArtifactBlobService.At("properties.cors.corsRules"));
        Assert.StartsWith("[if(empty(parameters('browserReadOrigins')), createArray(), createArray(", cors, StringComparison.Ordinal);
        Assert.Contains("'allowedOrigins', parameters('browserReadOrigins')", cors, StringComparison.Ordinal);
        Assert.Contains("'allowedMethods', createArray('GET')", cors, StringComparison.Ordinal);
        Assert.DoesNotContain("'*'", cors, StringComparison.Ordinal);
        foreach (var method in new[] { "PUT", "POST", "DELETE", "MERGE", "PATCH", "OPTIONS", "HEAD" })
        {
            Assert.DoesNotContain($"'{method}'", cors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_runtime_account_allows_no_browser_origin()
    {
        Assert.Null(CompiledTemplate.Module("runtime-storage").Properties["parameters"]!["browserReadOrigins"]);
        Assert.Empty(ArmResource.AsText(CompiledTemplate.Module("runtime-storage").Properties["template"]!["parameters"]!["browserReadOrigins"]!["defaultValue"]).Trim('[', ']'));
    }
}
