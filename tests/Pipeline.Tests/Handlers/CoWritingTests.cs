using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Tests;

namespace SithSynth.Pipeline.Tests.Handlers;

/// <summary>Regenerating bars of a finished generation and continuing a primer, over the HTTP contract both hosts share.</summary>
public sealed class CoWritingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<string> FinishedIdAsync(string body)
    {
        var started = await api.Start.HandleAsync(ApiFixture.Post(body));
        Assert.True(started.Status == 202, ApiFixture.Json(started).ToString());
        var id = ApiFixture.Json(started).GetProperty("id").GetString()!;
        var status = await api.FinishedAsync(id);
        Assert.True(status.GetProperty("status").GetString() == "completed", status.ToString());
        return id;
    }

    private static string Regenerate(string source, string fields, string? others = null) =>
        "{\"regenerate\":{\"generation\":\"" + source + "\"," + fields + "}" + (others is null ? "" : "," + others) + "}";

    private async Task<List<List<string>>> MeasuresAsync(string id) =>
        KeptMeasures.Of(XDocument.Parse(Encoding.UTF8.GetString(await api.Store.ReadAsync(ArtifactName.Of(id, 1, ArtifactKind.MusicXml)))));

    [Fact]
    public async Task Regenerated_bars_are_new_and_every_other_bar_of_the_source_is_kept()
    {
        var source = await FinishedIdAsync("""{"bars":16,"seed":"5","timeSignature":"3/4","key":"Eb"}""");

        var rewritten = await FinishedIdAsync(Regenerate(source, "\"bars\":\"5-8\"", "\"seed\":\"77\""));

        var (before, after) = (await MeasuresAsync(source), await MeasuresAsync(rewritten));
        Assert.Equal(before.Count, after.Count);
        for (var part = 0; part < before.Count; part++)
        {
            Assert.Equal(16, after[part].Count);
            Assert.All(Enumerable.Range(0, 16).Where(b => b is < 4 or > 7), b => Assert.Equal(before[part][b], after[part][b]));
        }

        Assert.NotEqual(before[0].GetRange(4, 4), after[0].GetRange(4, 4));
        using var report = JsonDocument.Parse(await api.Store.ReadAsync(ArtifactName.Of(rewritten, 1, ArtifactKind.Report)));
        var regenerated = report.RootElement.GetProperty("regenerated");
        Assert.Equal((source, 1, "5-8"), (regenerated.GetProperty("generation").GetString(), regenerated.GetProperty("variation").GetInt32(), regenerated.GetProperty("bars").GetString()));
        Assert.Equal(("3/4", "Eb", 16), (
            report.RootElement.GetProperty("request").GetProperty("timeSignature").GetString(),
            report.RootElement.GetProperty("request").GetProperty("key").GetString(),
            report.RootElement.GetProperty("request").GetProperty("bars").GetInt32()));
    }

    [Fact]
    public async Task A_primer_opens_the_sheet_it_continues()
    {
        var source = await FinishedIdAsync("""{"bars":8,"seed":"12","key":"D","layout":"lead-sheet"}""");
        var primer = XDocument.Parse(Encoding.UTF8.GetString(await api.Store.ReadAsync(ArtifactName.Of(source, 1, ArtifactKind.MusicXml))));
        primer.Root!.Element("part")!.Elements("measure").Skip(4).Remove();

        var continued = await FinishedIdAsync(JsonSerializer.Serialize(new { primer = primer.ToString(), bars = 12, layout = "lead-sheet" }));

        var (before, after) = (await MeasuresAsync(source), await MeasuresAsync(continued));
        Assert.Equal(12, after[0].Count);
        Assert.Equal(before[0].GetRange(1, 3), after[0].GetRange(1, 3));
        using var report = JsonDocument.Parse(await api.Store.ReadAsync(ArtifactName.Of(continued, 1, ArtifactKind.Report)));
        Assert.Equal((4, "D"), (report.RootElement.GetProperty("primer").GetProperty("bars").GetInt32(), report.RootElement.GetProperty("primer").GetProperty("key").GetString()));
    }

    [Theory]
    [InlineData("""{"regenerate":{"generation":"nothing-here","bars":"2-3"}}""", "regenerate.generation", "no finished generation")]
    [InlineData("""{"regenerate":{"bars":"2-3"}}""", "regenerate.generation", "Name the finished generation")]
    [InlineData("""{"regenerate":{"generation":"x","bars":"2-3"},"key":"D","bars":8}""", "regenerate", "leave out: bars, key")]
    [InlineData("""{"regenerate":{"generation":"x","bars":"2-3","colour":"red"}}""", "regenerate.colour", "not a field of regenerate")]
    [InlineData("""{"regenerate":"2-3"}""", "regenerate", "Must be an object")]
    [InlineData("""{"primer":"<score-partwise><part-list/>"}""", "primer", "not well-formed XML")]
    public async Task Co_writing_requests_that_cannot_be_written_are_400_naming_the_field(string body, string field, string message)
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post(body));

        Assert.Equal(400, response.Status);
        var errors = ApiFixture.Json(response).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bars_past_the_source_sheet_and_a_variation_it_lacks_are_400()
    {
        var source = await FinishedIdAsync("""{"bars":8,"seed":"3"}""");

        var past = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post(Regenerate(source, "\"bars\":\"7-9\""))));
        var lacking = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post(Regenerate(source, "\"variation\":2,\"bars\":\"7\""))));

        Assert.Equal("Bars 7-9 go past the sheet's 8 bars.", past.GetProperty("errors").GetProperty("regenerate.bars")[0].GetString());
        Assert.Contains("has variations 1 to 1, not 2", lacking.GetProperty("errors").GetProperty("regenerate.variation")[0].GetString(), StringComparison.Ordinal);
    }
}
