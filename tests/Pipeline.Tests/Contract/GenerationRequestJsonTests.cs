using System.Text;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Tests.Contract;

public sealed class GenerationRequestJsonTests
{
    [Fact]
    public void Every_field_reads_in_camel_case()
    {
        var reading = Read("""
            {"model":"transformer","temperature":0.9,"topP":0.95,"timeSignature":"3/4","bars":12,"valence":-1,"density":"high",
             "key":"F#m","form":"AA'","tempo":90,"seed":123,"variations":2}
            """);

        Assert.Empty(reading.Problems);
        Assert.Equal(
            new GenerationRequest { Model = "transformer", Temperature = 0.9, TopP = 0.95, TimeSignature = "3/4", Bars = 12, Key = "F#m", Form = "AA'", Tempo = 90, Seed = 123, Variations = 2 },
            reading.Request! with { Valence = null, Density = null });
        Assert.Equal([-1.0], reading.Request!.Valence);
        Assert.Equal(["high"], reading.Request.Density);
    }

    [Fact]
    public void Valence_and_density_also_take_one_value_per_bar()
    {
        var request = Read("""{"valence":[1,0,-1],"density":["low","med","high"]}""").Request!;

        Assert.Equal([1.0, 0, -1], request.Valence);
        Assert.Equal(["low", "med", "high"], request.Density);
    }

    [Theory]
    [InlineData("18446744073709551615", 18446744073709551615UL)]
    [InlineData("\"18446744073709551615\"", 18446744073709551615UL)]
    [InlineData("\"42\"", 42UL)]
    [InlineData("0", 0UL)]
    public void A_seed_is_a_number_or_a_string_of_digits(string json, ulong seed)
    {
        Assert.Equal(seed, Read($$"""{"seed":{{json}}}""").Request!.Seed);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("18446744073709551616")]
    [InlineData("1.5")]
    [InlineData("\"12a\"")]
    [InlineData("\"-3\"")]
    [InlineData("\" 7\"")]
    [InlineData("true")]
    public void Anything_else_is_not_a_seed(string json)
    {
        var problem = Assert.Single(Read($$"""{"seed":{{json}}}""").Problems);
        Assert.Equal("seed", problem.Field);
    }

    [Fact]
    public void Every_wrong_type_and_unknown_field_is_reported_at_once()
    {
        var reading = Read("""{"bars":"sixteen","tempo":1.5,"valence":["up"],"density":3,"key":7,"colour":"blue","model":null}""");

        Assert.Null(reading.Request);
        Assert.Equal(["bars", "tempo", "valence", "density", "key", "colour"], reading.Problems.Select(p => p.Field));
        Assert.Contains("not a field", reading.Problems[^1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"bars\":8,}")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public void A_body_that_is_not_a_json_object_is_malformed(string body)
    {
        var reading = Read(body);

        Assert.NotNull(reading.Malformed);
        Assert.Null(reading.Request);
    }

    [Fact]
    public void Nesting_deeper_than_a_request_needs_is_refused_before_it_costs_anything()
    {
        Assert.NotNull(Read(new string('[', 100) + new string(']', 100)).Malformed);
    }

    [Fact]
    public void The_fingerprint_ignores_spelling_but_not_content()
    {
        var a = Read("""{"seed":"7","bars":8}""").Request!;
        var b = Read("""{ "bars": 8, "seed": 7 }""").Request!;
        var c = Read("""{"seed":8,"bars":8}""").Request!;

        Assert.Equal(RequestFingerprint.Of(a), RequestFingerprint.Of(b));
        Assert.NotEqual(RequestFingerprint.Of(a), RequestFingerprint.Of(c));
    }


    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'b', (byte)'a', 0xff, (byte)'s', (byte)'"', (byte)':', (byte)'8', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'k', (byte)'e', (byte)'y', (byte)'"', (byte)':', (byte)'"', 0xc3, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'m', (byte)'"', (byte)':', (byte)'"', 0xed, 0xa0, 0x80, (byte)'"', (byte)'}' })]
    public void Bytes_that_are_not_UTF_8_are_a_malformed_body(byte[] body)
    {
        var reading = GenerationRequestJson.Read(body);

        Assert.Null(reading.Request);
        Assert.Contains("UTF-8", reading.Malformed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"\ud800"}""")]
    [InlineData("""{"\udc00":1}""")]
    [InlineData("""{"density":["\ud83d"]}""")]
    public void An_unpaired_surrogate_escape_is_a_malformed_body(string json)
    {
        var reading = Read(json);

        Assert.Null(reading.Request);
        Assert.NotNull(reading.Malformed);
    }

    [Theory]
    [InlineData("""{"bars":1e400}""", "bars")]
    [InlineData("""{"temperature":1e400}""", "temperature")]
    [InlineData("""{"tempo":123456789012345678901234567890}""", "tempo")]
    [InlineData("""{"seed":184467440737095516150}""", "seed")]
    public void Overlong_numbers_are_field_errors_not_failures(string json, string field)
    {
        var reading = Read(json);

        Assert.Null(reading.Malformed);
        Assert.Equal([field], reading.Problems.Select(p => p.Field));
    }

    private static RequestReading Read(string json) => GenerationRequestJson.Read(Encoding.UTF8.GetBytes(json));
}
