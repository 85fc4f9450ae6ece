using System.Text.Json.Nodes;

namespace SithSynth.Infra.Tests;

/// <summary>Browsers may call the API only from the web client's origin: empty by default, never "*".</summary>
public sealed class CorsTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "sithsynth-infra-tests", Guid.NewGuid().ToString("N"));

    public CorsTests() => Directory.CreateDirectory(_output);

    public static TheoryData<string> ParameterFiles => Repository.AsTheoryData(Repository.ParameterFiles());

    [Fact]
    public void The_allowed_origins_parameter_is_empty_by_default()
    {
        var parameter = CompiledTemplate.Root["parameters"]!["allowedOrigins"]!;

        Assert.Empty(parameter["defaultValue"]!.AsArray());
    }

    [Fact]
    public void The_function_app_allows_exactly_the_web_client_origins_and_no_credentials()
    {
        var app = Assert.Single(CompiledTemplate.OfType("Microsoft.Web/sites"));

        Assert.Equal("[parameters('allowedOrigins')]", app.At("properties.siteConfig.cors.allowedOrigins")!.GetValue<string>());
        Assert.False(app.At("properties.siteConfig.cors.supportCredentials")!.GetValue<bool>());
        // The Static Web App's origin and the listed ones; nothing else reaches the app's CORS.
        Assert.Equal(
            WebClientOrigins,
            CompiledTemplate.Module("function-app").Properties["parameters"]!["allowedOrigins"]!["value"]!.GetValue<string>());
    }

    /// <summary>main.bicep's webClientOrigins: the Static Web App's origin output, then the allowedOrigins parameter.</summary>
    internal const string WebClientOrigins = "[union(createArray(reference('webClient').outputs.origin.value), parameters('allowedOrigins'))]";

    [Fact]
    public void No_template_names_a_wildcard_origin()
    {
        Assert.DoesNotContain("\"*\"", CompiledTemplate.Json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Parameter_files_give_no_wildcard_and_only_bare_origins(string file)
    {
        foreach (var origin in AllowedOrigins(file, environment: null))
        {
            AssertIsBareOrigin(origin);
        }
    }

    [Fact]
    public void Production_takes_the_web_client_origin_from_the_environment()
    {
        Assert.Empty(AllowedOrigins(Path.Combine("params", "prod.bicepparam"), environment: null));

        var origins = AllowedOrigins(
            Path.Combine("params", "prod.bicepparam"),
            new Dictionary<string, string?> { ["WEB_CLIENT_ORIGIN"] = "https://sithsynth.example" });

        Assert.Equal(["https://sithsynth.example"], origins);
    }

    private static void AssertIsBareOrigin(string origin)
    {
        Assert.NotEqual("*", origin);
        Assert.DoesNotContain("*", origin, StringComparison.Ordinal);
        Assert.True(Uri.TryCreate(origin, UriKind.Absolute, out var uri), origin);
        Assert.Contains(uri.Scheme, new[] { "https", "http" });
        // An origin is scheme://host[:port]; a path or trailing slash never matches a browser's Origin header.
        Assert.Equal(uri.GetLeftPart(UriPartial.Authority), origin);
    }

    private List<string> AllowedOrigins(string file, IReadOnlyDictionary<string, string?>? environment)
    {
        var output = Path.Combine(_output, Guid.NewGuid().ToString("N") + ".parameters.json");
        var outcome = Bicep.Run(environment, "build-params", file, "--outfile", output);
        Assert.True(outcome.IsClean, outcome.ToString());

        var parameters = JsonNode.Parse(File.ReadAllText(output))!["parameters"]!.AsObject();
        return parameters["allowedOrigins"]?["value"]?.AsArray().Select(o => o!.GetValue<string>()).ToList() ?? [];
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
