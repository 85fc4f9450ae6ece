using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;
using SithSynth.Domain.Requests;
using SithSynth.Tests;

namespace SithSynth.Domain.Tests.CoWriting;

/// <summary>Regenerating bars k..n of a sheet with the shipped models keeps every other bar as written and changes the span.</summary>
public sealed class RegenerationTests : IDisposable
{
    private readonly ModelCatalog _catalog = ModelCatalog.Load(ModelCatalog.DefaultDirectory);

    public void Dispose() => _catalog.Dispose();

    public static TheoryData<string, string> ModelsAndKeys() => new()
    {
        { "lstm", "C" }, { "lstm", "Eb" }, { "lstm", "F#m" },
        { "transformer", "Am" }, { "transformer", "A" }, { "transformer", "Bbm" },
    };

    private static readonly string[] Spans = ["1-4", "5-8", "9-12", "13-16", "7", "2-15"];

    public static List<List<string>> Measures(LeadSheet sheet, SheetLayout layout) =>
        KeptMeasures.Of(MusicXmlWriter.Write(sheet, "Regenerated", new DateOnly(2026, 12, 7), layout));

    [Theory]
    [MemberData(nameof(ModelsAndKeys))]
    public void Bars_outside_the_span_are_byte_identical_and_the_span_is_new(string model, string keyText)
    {
        Assert.True(_catalog.TryGetCard(model, out var card));
        var sheets = 0;
        foreach (var meter in card.TimeSignatures)
        {
            foreach (var (spanText, i) in Spans.Select((s, i) => (s, i)))
            {
                var asked = new GenerationRequest { Model = model, TimeSignature = meter.ToString(), Bars = 16, Key = keyText, Seed = (ulong)(40 + i) };
                var sourceSpec = GenerationRequestValidator.Validate(asked, _catalog.Cards, () => 1).Spec!;
                var source = LeadSheetGenerator.Generate(sourceSpec, _catalog.Model(model), 0).Sheet;

                var again = asked with { Seed = (ulong)(900 + i), Regenerate = new RegenerateRequest { Bars = spanText } };
                var validation = GenerationRequestValidator.Validate(again, _catalog.Cards, () => 1);
                Assert.True(validation.IsValid, string.Join(" ", validation.Problems.Select(p => p.Message)));
                var spec = validation.Spec!;
                var rewritten = LeadSheetGenerator.Generate(spec, _catalog.Model(model), 0, source).Sheet;

                Assert.True(rewritten.IsComplete);
                var span = spec.Regenerate!.Bars;
                var before = Measures(source, SheetLayout.Piano);
                var after = Measures(rewritten, SheetLayout.Piano);
                for (var part = 0; part < before.Count; part++)
                {
                    for (var bar = 1; bar <= 16; bar++)
                    {
                        if (!span.Contains(bar))
                        {
                            Assert.True(before[part][bar - 1] == after[part][bar - 1], $"{meter} {spanText}: part {part + 1} bar {bar} changed:\n{before[part][bar - 1]}\n{after[part][bar - 1]}");
                        }
                    }
                }

                Assert.True(
                    Enumerable.Range(span.First - 1, span.Count).Any(b => source.Measures[b] != rewritten.Measures[b] && !source.Measures[b].Events.SequenceEqual(rewritten.Measures[b].Events)),
                    $"{meter} {spanText}: the span came back as it was");
                sheets++;
            }
        }

        Assert.Equal(card.TimeSignatures.Count * Spans.Length, sheets);
    }

    [Theory]
    [InlineData("lstm", "C")]
    [InlineData("transformer", "Am")]
    public void A_sheet_read_back_from_its_own_MusicXML_keeps_its_bars_as_engraved(string model, string keyText)
    {
        // The command line's --source: the sheet comes back through the corpus reader, which hears rests back to back
        // as one, so the generated sheet must have written them as one too (two eighth rests came back as a quarter).
        Assert.True(_catalog.TryGetCard(model, out var card));
        foreach (var meter in card.TimeSignatures)
        {
            for (ulong seed = 1; seed <= 4; seed++)
            {
                var asked = new GenerationRequest { Model = model, TimeSignature = meter.ToString(), Bars = 16, Key = keyText, Density = ["high"], Seed = seed };
                var source = LeadSheetGenerator.Generate(GenerationRequestValidator.Validate(asked, _catalog.Cards, () => 1).Spec!, _catalog.Model(model), 0).Sheet;
                var xml = System.Text.Encoding.UTF8.GetString(MusicXmlWriter.ToBytes(MusicXmlWriter.Write(source, "source", layout: SheetLayout.LeadSheet)));
                var written = WrittenSheetReader.Read(xml, card.Tokens, card.TimeSignatures, out var problems);
                Assert.True(written is not null, string.Join(" ", problems));
                var reread = new LeadSheet(written.TimeSignature, written.Key.Home, source.Tempo, written.HomeMeasures)
                    .TransposeTo(written.Key, written.Key.TranspositionFromHome);

                var spec = GenerationRequestValidator.Validate(asked with { Seed = seed + 100, Regenerate = new RegenerateRequest { Bars = "5-8" } }, _catalog.Cards, () => 1).Spec!;
                var rewritten = LeadSheetGenerator.Generate(spec, _catalog.Model(model), 0, reread).Sheet;

                var before = Measures(source, SheetLayout.LeadSheet)[0];
                var after = Measures(rewritten, SheetLayout.LeadSheet)[0];
                foreach (var bar in Enumerable.Range(1, 16).Where(b => b is < 5 or > 8))
                {
                    Assert.True(before[bar - 1] == after[bar - 1], $"{meter} seed {seed}: bar {bar} came back otherwise:\n{before[bar - 1]}\n{after[bar - 1]}");
                }
            }
        }
    }
}
