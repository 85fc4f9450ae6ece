using System.Text.Json.Nodes;

namespace SithSynth.Infra.Tests;

/// <summary>
/// main.bicep compiled once to ARM JSON in a temporary folder, with its module templates (nested
/// deployments) flattened so a test can ask for "every storage account" wherever it is declared.
/// </summary>
internal static class CompiledTemplate
{
    private static readonly Lazy<JsonObject> Compiled = new(Compile);

    public static JsonObject Root => Compiled.Value;

    public static string Json => Root.ToJsonString(ArmResource.Readable);

    /// <summary>main.bicep's template followed by every module template, depth first.</summary>
    public static IReadOnlyList<JsonObject> Templates => Flatten(Root).ToList();

    public static IReadOnlyList<ArmResource> Resources => Templates.SelectMany(ResourcesOf).ToList();

    public static IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && !r.IsExisting).ToList();

    /// <summary>The nested deployment that main.bicep creates for module <paramref name="deploymentName"/>.</summary>
    public static ArmResource Module(string deploymentName) =>
        OfType("Microsoft.Resources/deployments").Single(d => d.Node["name"]?.GetValue<string>() == deploymentName);

    /// <summary>Resources in languageVersion 2.0 templates are an object keyed by symbolic name, otherwise an array.</summary>
    public static IEnumerable<ArmResource> ResourcesOf(JsonObject template)
    {
        var nodes = template["resources"] switch
        {
            JsonArray array => array.Select(n => n!.AsObject()),
            JsonObject symbolic => symbolic.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        return nodes.Select(n => new ArmResource(n["type"]!.GetValue<string>(), n, template));
    }

    private static IEnumerable<JsonObject> Flatten(JsonObject template)
    {
        yield return template;
        foreach (var deployment in ResourcesOf(template).Where(r => r.Type == "Microsoft.Resources/deployments"))
        {
            if (deployment.Properties["template"] is JsonObject nested)
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonObject Compile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sithsynth-infra-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var output = Path.Combine(folder, "main.json");
            var outcome = Bicep.Run("build", Repository.MainTemplate, "--outfile", output);
            if (!outcome.IsClean)
            {
                throw new InvalidOperationException($"bicep build main.bicep was not clean: {outcome}");
            }

            return JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
