using System.Globalization;
using System.Text;
using System.Text.Json;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Rendering;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Tests.Contract;

/// <summary>
/// The documented request against what the API accepts: the fields <see cref="GenerationRequestJson"/> reads, and every
/// range, enum and default of <see cref="GenerationRequestValidator"/> for the shipped models, taken from the document
/// and sent through the reader and the validator at the boundary and one step past it.
/// </summary>
public sealed class OpenApiRequestTests
{
    // The smallest step past a documented bound on a number; far below any limit the validator could mean.
    private const decimal Epsilon = 0.000000001m;

    private static readonly JsonElement Request = OpenApi.Schema("GenerationRequest");

    [Fact]
    public void The_documented_fields_are_the_fields_the_reader_takes_and_no_other_is_accepted()
    {
        Assert.Equal(GenerationRequestJson.Fields.Order(StringComparer.Ordinal), Properties().Order(StringComparer.Ordinal));
        Assert.False(Request.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["mood"], Problems("""{"mood":"sad"}"""));
    }

    [Fact]
    public void The_regenerate_object_documents_exactly_the_fields_the_reader_takes()
    {
        var regenerate = OpenApi.Schema("Regenerate");

        Assert.Equal(GenerationRequestJson.RegenerateFields.Order(StringComparer.Ordinal), regenerate.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Empty(OpenApi.Check(JsonDocument.Parse("""{"regenerate":{"generation":"a1","variation":2,"bars":"9-12"}}""").RootElement, Request));
        Assert.NotEmpty(OpenApi.Check(JsonDocument.Parse("""{"regenerate":{"generation":"a1","bars":"nine"}}""").RootElement, Request));
        Assert.Equal(["regenerate.colour"], Problems("""{"regenerate":{"colour":"red"}}"""));
    }

    [Fact]
    public void Every_documented_request_example_is_accepted_as_it_is()
    {
        var examples = OpenApi.Operation("/api/generations", "post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples");

        Assert.All(examples.EnumerateObject(), e => Assert.Empty(Problems(e.Value.GetProperty("value").GetRawText())));
    }

    [Fact]
    public void The_documented_defaults_are_the_validators()
    {
        var spec = GenerationRequestValidator.Validate(new GenerationRequest(), ShippedModels.Catalog.Cards, () => 7).Spec!;
        var actual = new Dictionary<string, object?>
        {
            ["model"] = spec.Model,
            ["temperature"] = spec.Temperature,
            ["timeSignature"] = spec.TimeSignature.ToString(),
            ["bars"] = spec.Bars,
            ["density"] = DensityNames.Name(spec.UniformDensity!.Value),
            ["key"] = spec.Key.ToString(),
            ["tempo"] = spec.Tempo,
            ["variations"] = spec.Variations,
            ["layout"] = SheetLayoutNames.Name(spec.Layout),
        };

        var documented = Properties().Where(p => Property(p).TryGetProperty("default", out _)).ToList();
        Assert.Equal(actual.Keys.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        foreach (var field in documented)
        {
            var value = Property(field).GetProperty("default");
            Assert.True(
                value.ValueKind == JsonValueKind.Number ? Convert.ToDouble(actual[field], CultureInfo.InvariantCulture) == value.GetDouble() : Equals(actual[field], value.GetString()),
                $"{field}: documented {value.GetRawText()}, the validator takes {actual[field]}");
        }

        // Without a default: no nucleus cut, and a seed chosen for the request.
        Assert.Null(spec.TopP);
        Assert.Equal(7UL, spec.Seed);
    }

    [Theory]
    [InlineData("temperature")]
    [InlineData("topP")]
    [InlineData("tempo")]
    [InlineData("variations")]
    public void A_documented_range_is_accepted_to_its_bounds_and_refused_one_step_past_them(string field) =>
        AssertRange(field, Property(field), json => Problems($$"""{"{{field}}":{{json}}}"""));

    [Theory]
    [MemberData(nameof(ShippedModelNames))]
    public void Bars_range_over_what_every_shipped_model_allows(string model) =>
        AssertRange("bars", Property("bars"), json => Problems($$"""{"model":"{{model}}","bars":{{json}}}"""));

    [Fact]
    public void The_documented_models_are_the_shipped_ones()
    {
        Assert.Equal(ShippedModels.Catalog.Cards.Select(c => c.Name).Order(StringComparer.Ordinal), Enum("model").Order(StringComparer.Ordinal));
        AssertEnum("model", [.. Enum("model"), "nope", "LSTM", ""]);
    }

    [Theory]
    [MemberData(nameof(ShippedModelNames))]
    public void The_documented_meters_are_those_every_shipped_model_writes_in(string model)
    {
        // Every meter the parser reads, of which exactly the documented ones pass for this model.
        var candidates = from beats in Enumerable.Range(1, 32)
                         from beatType in new[] { 1, 2, 4, 8, 16, 32 }
                         select string.Create(CultureInfo.InvariantCulture, $"{beats}/{beatType}");
        AssertEnum("timeSignature", [.. candidates, "4/3", "C", ""], model);
    }

    [Fact]
    public void The_documented_keys_are_every_key_the_validator_takes()
    {
        var candidates = from letter in "CDEFGAB"
                         from accidental in new[] { "", "#", "b" }
                         from mode in new[] { "", "m" }
                         select $"{letter}{accidental}{mode}";
        AssertEnum("key", [.. candidates, "H", "c", "C##", "Cbb", "Cmaj", "C minor", ""]);
    }

    [Fact]
    public void Valence_is_an_average_in_range_or_one_whole_number_in_range_per_bar()
    {
        var (average, curve) = (Branch("valence", "number"), Branch("valence", "array"));
        AssertRange("valence", average, json => Problems($$"""{"valence":{{json}}}"""));

        // A curve has exactly one value per bar, each a whole number in the same range.
        AssertBarsBoundArray("valence", curve);
        var items = curve.GetProperty("items");
        Assert.Equal("integer", items.GetProperty("type").GetString());
        Assert.Equal((average.GetProperty("minimum").GetDecimal(), average.GetProperty("maximum").GetDecimal()), (items.GetProperty("minimum").GetDecimal(), items.GetProperty("maximum").GetDecimal()));
        var bars = Property("bars").GetProperty("minimum").GetInt32();
        string Curve(string first) => $$"""{"bars":{{bars}},"valence":[{{first}}{{string.Concat(Enumerable.Repeat(",0", bars - 1))}}]}""";
        Assert.Empty(Problems(Curve(items.GetProperty("minimum").GetRawText())));
        Assert.Empty(Problems(Curve(items.GetProperty("maximum").GetRawText())));
        Assert.Equal(["valence"], Problems(Curve(Plus(items.GetProperty("maximum"), 1))));
        Assert.Equal(["valence"], Problems(Curve(Plus(items.GetProperty("minimum"), -1))));
        Assert.Equal(["valence"], Problems(Curve("0.5")));
    }

    [Fact]
    public void Density_is_one_documented_density_or_one_per_bar()
    {
        var densities = OpenApi.Schema("Density").GetProperty("enum").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.All(densities, d => Assert.Empty(Problems($$"""{"density":"{{d}}"}""")));
        Assert.Equal(["density"], Problems("""{"density":"dense"}"""));
        AssertBarsBoundArray("density", Branch("density", "array"));
    }

    [Fact]
    public void A_seed_is_a_whole_number_up_to_2_64_minus_1_or_a_string_of_its_digits()
    {
        var (number, text) = (Branch("seed", "integer"), Branch("seed", "string"));
        Assert.Equal(0UL, number.GetProperty("minimum").GetUInt64());
        Assert.Equal(ulong.MaxValue, number.GetProperty("maximum").GetUInt64());
        AssertRange("seed", number, json => Problems($$"""{"seed":{{json}}}"""));

        foreach (var digits in new[] { "0", "42", ulong.MaxValue.ToString(CultureInfo.InvariantCulture) })
        {
            Assert.Empty(OpenApi.Check(JsonSerializer.SerializeToElement(digits), text));
            Assert.Empty(Problems($$"""{"seed":"{{digits}}"}"""));
        }

        foreach (var notDigits in new[] { "-1", " 7", "7 ", "1e3", "0x10", "" })
        {
            Assert.NotEmpty(OpenApi.Check(JsonSerializer.SerializeToElement(notDigits), text));
            Assert.Equal(["seed"], Problems($$"""{"seed":"{{notDigits}}"}"""));
        }

        // Digits beyond 2^64 - 1 match the pattern; the description names the limit the server keeps.
        Assert.Contains(ulong.MaxValue.ToString(CultureInfo.InvariantCulture), Property("seed").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["seed"], Problems("""{"seed":"18446744073709551616"}"""));
    }

    [Fact]
    public void A_field_of_the_wrong_json_type_is_refused_by_the_reader_and_the_schema_alike()
    {
        var wrong = new Dictionary<string, string>
        {
            ["model"] = "1",
            ["temperature"] = "\"1\"",
            ["topP"] = "true",
            ["timeSignature"] = "4",
            ["bars"] = "16.5",
            ["valence"] = "\"bright\"",
            ["density"] = "1",
            ["key"] = "[\"C\"]",
            ["form"] = "4",
            ["chords"] = "[\"C\"]",
            ["tempo"] = "\"100\"",
            ["seed"] = "1.5",
            ["variations"] = "{}",
            ["layout"] = "2",
            ["primer"] = "{}",
            ["regenerate"] = "\"9-12\"",
        };

        Assert.Equal(Properties().Order(StringComparer.Ordinal), wrong.Keys.Order(StringComparer.Ordinal));
        foreach (var (field, json) in wrong)
        {
            var body = $$"""{"{{field}}":{{json}}}""";
            Assert.Equal([field], Problems(body));
            Assert.NotEmpty(OpenApi.Check(JsonDocument.Parse(body).RootElement, Request));
        }
    }

    public static TheoryData<string> ShippedModelNames() => [.. ShippedModels.Catalog.Cards.Select(c => c.Name)];

    private static IEnumerable<string> Properties() => Request.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private static JsonElement Property(string field) => OpenApi.Resolve(Request.GetProperty("properties").GetProperty(field));

    private static List<string> Enum(string field) => [.. Property(field).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The oneOf branch of a field whose type is <paramref name="type"/>.</summary>
    private static JsonElement Branch(string field, string type) =>
        Property(field).GetProperty("oneOf").EnumerateArray().Select(OpenApi.Resolve).Single(b => b.GetProperty("type").GetString() == type);

    /// <summary>The fields the reader or the validator finds fault with, in the order reported.</summary>
    private static List<string> Problems(string json)
    {
        var reading = GenerationRequestJson.Read(Encoding.UTF8.GetBytes(json));
        Assert.Null(reading.Malformed);
        var problems = reading.Request is { } request
            ? GenerationRequestValidator.Validate(request, ShippedModels.Catalog.Cards, () => 0).Problems
            : reading.Problems;
        return [.. problems.Select(p => p.Field).Distinct()];
    }

    /// <summary>The bounds a schema gives a number are accepted, one step past each refused (an integer's step is 1).</summary>
    private static void AssertRange(string field, JsonElement schema, Func<string, List<string>> problems)
    {
        var step = schema.GetProperty("type").GetString() == "integer" ? 1m : Epsilon;
        var bounds = 0;
        if (schema.TryGetProperty("minimum", out var minimum))
        {
            Assert.Empty(problems(minimum.GetRawText()));
            Assert.Equal([field], problems(Plus(minimum, -step)));
            bounds++;
        }

        if (schema.TryGetProperty("exclusiveMinimum", out var exclusive))
        {
            Assert.Equal([field], problems(exclusive.GetRawText()));
            Assert.Empty(problems(Plus(exclusive, step)));
            bounds++;
        }

        if (schema.TryGetProperty("maximum", out var maximum))
        {
            Assert.Empty(problems(maximum.GetRawText()));
            Assert.Equal([field], problems(Plus(maximum, step)));
            bounds++;
        }

        Assert.Equal(2, bounds);
        if (step == 1)
        {
            Assert.Equal([field], problems(Plus(maximum, -0.5m)));
        }
    }

    /// <summary>Exactly the documented values of a field pass, out of <paramref name="candidates"/> (which hold them all).</summary>
    private static void AssertEnum(string field, IEnumerable<string> candidates, string? model = null)
    {
        var documented = Enum(field);
        var prefix = model is null ? "" : $$"""
            "model":"{{model}}",
            """;
        var accepted = candidates.Distinct().Where(c => !Problems($$"""{{{prefix}}"{{field}}":{{JsonSerializer.Serialize(c)}}}""").Contains(field)).ToList();
        Assert.Equal(documented.Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
    }

    /// <summary>A per-bar array: as long as bars may be, and accepted at exactly as many values as bars, refused at one more or less.</summary>
    private static void AssertBarsBoundArray(string field, JsonElement array)
    {
        var bars = Property("bars");
        Assert.Equal(bars.GetProperty("minimum").GetInt32(), array.GetProperty("minItems").GetInt32());
        Assert.Equal(bars.GetProperty("maximum").GetInt32(), array.GetProperty("maxItems").GetInt32());

        var item = OpenApi.Resolve(array.GetProperty("items")) is var items && items.TryGetProperty("enum", out var values) ? values[0].GetRawText() : "0";
        string Body(int count, int barCount) => string.Create(CultureInfo.InvariantCulture, $$"""{"bars":{{barCount}},"{{field}}":[{{string.Join(",", Enumerable.Repeat(item, count))}}]}""");
        foreach (var count in new[] { array.GetProperty("minItems").GetInt32(), array.GetProperty("maxItems").GetInt32() })
        {
            Assert.Empty(Problems(Body(count, count)));
            Assert.Empty(OpenApi.Check(JsonDocument.Parse(Body(count, count)).RootElement, Request));
            Assert.Equal([field], Problems(Body(count + 1, count)));
            Assert.Equal([field], Problems(Body(count - 1, count)));
        }
    }

    private static string Plus(JsonElement number, decimal delta) =>
        number.TryGetDecimal(out var value) ? (value + delta).ToString(CultureInfo.InvariantCulture) : throw new InvalidOperationException($"{number} is not a decimal.");
}
