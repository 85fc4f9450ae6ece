using System.Globalization;
using System.Text.Json;
using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Contract;

/// <summary>
/// Reads the POST body of <c>/api/generations</c>: camelCase fields as the CLI names them, each optional. <c>valence</c>
/// is a number or an array (one per bar), <c>density</c> a string or an array, and <c>seed</c> a number or a string of
/// digits (JavaScript numbers lose precision past 2^53, and seeds go up to 2^64 − 1). Every wrong type and unknown field
/// is reported at once; ranges are left to <see cref="GenerationRequestValidator"/>.
/// </summary>
public static class GenerationRequestJson
{
    public static IReadOnlyList<string> Fields { get; } =
        ["model", "temperature", "topP", "timeSignature", "bars", "valence", "density", "key", "form", "chords", "tempo", "seed", "variations", "layout", "primer", "regenerate"];

    /// <summary>The fields of <c>regenerate</c>.</summary>
    public static IReadOnlyList<string> RegenerateFields { get; } = ["generation", "variation", "bars"];

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    public static RequestReading Read(ReadOnlyMemory<byte> utf8)
    {
        // The JSON reader checks UTF-8 only where it transcodes, so a bad byte in a name would surface later as an
        // exception; checked here, once, every such body is a malformed one.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return new RequestReading(null, [], "The body is not valid UTF-8 text.");
        }

        try
        {
            return ReadJson(utf8);
        }
        catch (InvalidOperationException)
        {
            // A \uD800 escape without its other half decodes to no Unicode text at all.
            return new RequestReading(null, [], "The body holds a string that is not Unicode text (an unpaired surrogate escape).");
        }
    }

    private static RequestReading ReadJson(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new RequestReading(null, [], $"The body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new RequestReading(null, [], $"The body must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
            }

            var problems = new List<RequestProblem>();
            var request = new GenerationRequest();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                void Problem(string message) => problems.Add(new RequestProblem(property.Name, message));
                switch (property.Name)
                {
                    case "model":
                        request = request with { Model = Text(value, Problem) };
                        break;
                    case "timeSignature":
                        request = request with { TimeSignature = Text(value, Problem) };
                        break;
                    case "key":
                        request = request with { Key = Text(value, Problem) };
                        break;
                    case "form":
                        request = request with { Form = Text(value, Problem) };
                        break;
                    case "chords":
                        request = request with { Chords = Text(value, Problem) };
                        break;
                    case "layout":
                        request = request with { Layout = Text(value, Problem) };
                        break;
                    case "primer":
                        request = request with { Primer = Text(value, Problem) };
                        break;
                    case "regenerate":
                        request = request with { Regenerate = Regenerate(value, problems) };
                        break;
                    case "temperature":
                        request = request with { Temperature = Number(value, Problem) };
                        break;
                    case "topP":
                        request = request with { TopP = Number(value, Problem) };
                        break;
                    case "bars":
                        request = request with { Bars = WholeNumber(value, Problem) };
                        break;
                    case "tempo":
                        request = request with { Tempo = WholeNumber(value, Problem) };
                        break;
                    case "variations":
                        request = request with { Variations = WholeNumber(value, Problem) };
                        break;
                    case "valence":
                        request = request with { Valence = Valence(value, Problem) };
                        break;
                    case "density":
                        request = request with { Density = Density(value, Problem) };
                        break;
                    case "seed":
                        request = request with { Seed = Seed(value, Problem) };
                        break;
                    default:
                        Problem($"'{ProblemDocument.Shorten(property.Name)}' is not a field of a generation request; the fields are {string.Join(", ", Fields)}.");
                        break;
                }
            }

            return problems.Count > 0 ? new RequestReading(null, problems) : new RequestReading(request, []);
        }
    }

    // { "generation": "<id>", "variation": 1, "bars": "9-12" }, each field's problem named by its path.
    private static RegenerateRequest? Regenerate(JsonElement value, List<RequestProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new RequestProblem("regenerate", $"Must be an object such as {{\"generation\": \"<id>\", \"variation\": 1, \"bars\": \"9-12\"}}, not {Describe(value.ValueKind)}."));
            return null;
        }

        var regenerate = new RegenerateRequest();
        foreach (var property in value.EnumerateObject())
        {
            void Problem(string message) => problems.Add(new RequestProblem("regenerate." + property.Name, message));
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            regenerate = property.Name switch
            {
                "generation" => regenerate with { Generation = Text(property.Value, Problem) },
                "variation" => regenerate with { Variation = WholeNumber(property.Value, Problem) },
                "bars" => regenerate with { Bars = Text(property.Value, Problem) },
                _ => Unknown(regenerate, () => Problem($"'{ProblemDocument.Shorten(property.Name)}' is not a field of regenerate; the fields are {string.Join(", ", RegenerateFields)}.")),
            };
        }

        return regenerate;
    }

    private static RegenerateRequest Unknown(RegenerateRequest regenerate, Action report)
    {
        report();
        return regenerate;
    }

    private static string? Text(JsonElement value, Action<string> problem)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problem($"Must be a string, not {Describe(value.ValueKind)}.");
        return null;
    }

    private static double? Number(JsonElement value, Action<string> problem)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        problem($"Must be a number, not {Describe(value.ValueKind)}.");
        return null;
    }

    private static int? WholeNumber(JsonElement value, Action<string> problem)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        problem(value.ValueKind == JsonValueKind.Number ? "Must be a whole number." : $"Must be a whole number, not {Describe(value.ValueKind)}.");
        return null;
    }

    private static List<double>? Valence(JsonElement value, Action<string> problem)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return Number(value, problem) is { } single ? [single] : null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)))
        {
            return [.. value.EnumerateArray().Select(v => v.GetDouble())];
        }

        problem("Must be a number (the average valence) or an array of numbers (one per bar).");
        return null;
    }

    private static List<string>? Density(JsonElement value, Action<string> problem)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return [.. value.EnumerateArray().Select(v => v.GetString()!)];
        }

        problem("Must be a string (low, med or high) or an array of them (one per bar).");
        return null;
    }

    private static ulong? Seed(JsonElement value, Action<string> problem)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetUInt64(out var number):
                return number;
            case JsonValueKind.String when ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                return number;
            default:
                problem($"Must be a whole number from 0 to {ulong.MaxValue}, as a number or as a string of digits.");
                return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
