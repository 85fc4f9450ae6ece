using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SithSynth.Pipeline.Contract;

/// <summary>The JSON every document of the HTTP API is written in: camelCase, nulls left out, enums by name.</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },

        // Bodies go out as application/json, never inside HTML, so '+' in a version or an apostrophe in a sentence
        // can stay as it is instead of \u002B and \u0027.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
