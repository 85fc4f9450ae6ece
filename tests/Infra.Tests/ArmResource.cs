using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SithSynth.Infra.Tests;

/// <summary>One resource of the compiled ARM JSON, with the (module) template that declares it.</summary>
internal sealed record ArmResource(string Type, JsonObject Node, JsonObject Template)
{
    public JsonObject Properties => Node["properties"]?.AsObject() ?? [];

    /// <summary>Bicep's <c>existing</c> references compile to resources that deploy nothing.</summary>
    public bool IsExisting => Node["existing"]?.GetValue<bool>() == true;

    /// <summary>ARM expressions quote with ', which the default encoder would turn into \u0027.</summary>
    public static JsonSerializerOptions Readable { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node at <paramref name="path"/> as JSON text, or the plain string when it is one.</summary>
    public string Text(string path) => AsText(At(path));

    public static string AsText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString(Readable) ?? "";

    /// <summary>Follows a dotted path (e.g. "properties.siteConfig.cors") from the resource.</summary>
    public JsonNode? At(string path)
    {
        JsonNode? node = Node;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node;
    }
}
