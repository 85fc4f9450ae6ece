using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SithSynth.Functions.Tests;

/// <summary>
/// The Functions project's own build output (bin/Configuration/net10.0), which is what `func start` runs and
/// `dotnet publish` packages: the test project references the app, so it is built before the tests.
/// </summary>
internal static class FunctionsOutput
{
    public static string Folder { get; } = Locate();

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>functions.metadata: the functions the host indexes, with their triggers and bindings.</summary>
    public static IReadOnlyList<JsonObject> Functions() =>
        JsonNode.Parse(File.ReadAllText(PathOf("functions.metadata")))!.AsArray().Select(f => f!.AsObject()).ToList();

    public static JsonObject Function(string name) => Assert.Single(Functions(), f => (string?)f["name"] == name);

    public static IReadOnlyList<JsonObject> Bindings(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject()).ToList();

    public static JsonObject Trigger(JsonObject function) =>
        Assert.Single(Bindings(function), b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));

    public static JsonDocument ParseStrict(string path) => JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    });

    private static string Locate()
    {
        var folder = typeof(FunctionsOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsOutput").Value!;
        if (!File.Exists(Path.Combine(folder, "functions.metadata")))
        {
            throw new InvalidOperationException($"No functions.metadata in {folder}: build src/Functions in this configuration first.");
        }

        return folder;
    }
}
