using System.Text.Json;

namespace SithSynth.Pipeline.Access;

/// <summary>One entry as the stores keep it: a small JSON document per key.</summary>
internal static class ApiKeyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(ApiKeyEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>The entry, or null for a document that is not one (it then admits nobody).</summary>
    public static ApiKeyEntry? Read(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiKeyEntry>(text, Options) is { Id.Length: > 0, Sha256.Length: 64 } entry ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
