using System.Text.Json;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Requests;
using SithSynth.Domain.Tests.Decoding;

namespace SithSynth.Domain.Tests.Generation;

/// <summary>The shipped models follow a progression in every meter of their cards, in major and minor keys.</summary>
public sealed class ProgressionGenerationTests : IDisposable
{
    private readonly ModelCatalog _catalog = ModelCatalog.Load(ModelCatalog.DefaultDirectory);

    public void Dispose() => _catalog.Dispose();

    public static TheoryData<string, string> ModelsAndKeys() => new()
    {
        { "lstm", "C" }, { "lstm", "Eb" }, { "lstm", "F#m" }, { "lstm", "Am" },
        { "transformer", "C" }, { "transformer", "A" }, { "transformer", "Bbm" }, { "transformer", "Em" },
    };

    // A progression at home, written in the requested key: full, with split bars and free groups, or partial.
    private static string Progression(Key key, TimeSignature meter, int variant)
    {
        var major = key.Mode == KeyMode.Major;
        var two = ChordProgression.Splits(meter).Contains(2);
        string[] home = (major, variant) switch
        {
            (true, 0) => ["C", "Am", "F", "G7", "C", "Am", two ? "Dm G7" : "Dm G7 G7", "C"],
            (true, 1) => ["C", "_", "F", two ? "G _" : "G _ G7", "Em7", "A7", "Dm7", "G9"],
            (true, _) => ["Cmaj7", two ? "Dm7 G7" : "Dm7 G7 C"],
            (false, 0) => ["Am", "Dm", "E7", "Am", "F", "Dm", two ? "Bdim E7" : "Bdim E7 E7", "Am"],
            (false, 1) => ["Am", "_", "Dm9", two ? "_ E" : "_ _ E", "F", "C", "Dm", "E7"],
            (false, _) => ["Am7", two ? "Dm7 E7" : "Dm7 E7 Am"],
        };
        return string.Join(" | ", home.Select(bar => string.Join(' ', bar.Split(' ').Select(symbol =>
            symbol == "_" ? symbol : ProgressionCheck.Name(ChordSymbol.Parse(symbol).Transpose(key.TranspositionFromHome), key)))));
    }

    [Theory]
    [MemberData(nameof(ModelsAndKeys))]
    public void Every_sheet_follows_its_progression_exactly(string model, string keyText)
    {
        Assert.True(_catalog.TryGetCard(model, out var card));
        var key = Key.Parse(keyText);
        var sheets = 0;
        foreach (var meter in card.TimeSignatures)
        {
            for (var variant = 0; variant < 3; variant++)
            {
                var chords = Progression(key, meter, variant);
                var request = new GenerationRequest { Model = model, TimeSignature = meter.ToString(), Bars = 16, Key = keyText, Chords = chords, Seed = (ulong)(variant + 7) };
                var validation = GenerationRequestValidator.Validate(request, _catalog.Cards, () => 1);
                Assert.True(validation.IsValid, string.Join(" ", validation.Problems.Select(p => p.Message)));
                var spec = validation.Spec!;

                var sheet = LeadSheetGenerator.Generate(spec, _catalog.Model(model), 0);

                Assert.True(sheet.Sheet.IsComplete);
                ProgressionDecodingTests.AssertFollowed(spec.Chords!.Bars, sheet.Sheet.Measures, meter);
                Assert.All(sheet.Progression, bar => Assert.True(bar.Followed, $"{meter} bar {bar.Bar}: asked {bar.Requested}, wrote {bar.Written}"));
                Assert.Equal(chords, spec.Chords.Text);
                sheets++;
            }
        }

        Assert.Equal(card.TimeSignatures.Count * 3, sheets);
    }

    [Fact]
    public void The_report_gives_the_progression_asked_for_and_what_each_bar_sounds()
    {
        var request = new GenerationRequest { Model = "lstm", Bars = 8, Key = "F", Chords = "F | Dm | Bb C7 | _", Seed = 3 };
        var spec = GenerationRequestValidator.Validate(request, _catalog.Cards, () => 1).Spec!;
        var sheet = LeadSheetGenerator.Generate(spec, _catalog.Model("lstm"), 0);

        using var report = JsonDocument.Parse(SheetReport.ToJson(spec, sheet));
        var progression = report.RootElement.GetProperty("progression");

        Assert.Equal("F | Dm | Bb C7 | _", report.RootElement.GetProperty("request").GetProperty("chords").GetString());
        Assert.Equal("F | Dm | Bb C7 | _", progression.GetProperty("requested").GetString());
        Assert.True(progression.GetProperty("followed").GetBoolean());
        var bars = progression.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(8, bars.Count);
        Assert.Equal(("Bb C7", "Bb C7", "user"), (bars[2].GetProperty("requested").GetString(), bars[2].GetProperty("written").GetString(), bars[2].GetProperty("chordsFrom").GetString()));
        Assert.Equal(("_", "model"), (bars[3].GetProperty("requested").GetString(), bars[3].GetProperty("chordsFrom").GetString()));
        Assert.Equal("model", bars[7].GetProperty("chordsFrom").GetString());
        Assert.Equal(("F", "F"), (bars[0].GetProperty("requested").GetString(), bars[0].GetProperty("written").GetString()));
        Assert.Equal(ProgressionCheck.Name(sheet.Sheet.Measures[3].Events[0].Chord, sheet.Sheet.Key), bars[3].GetProperty("written").GetString()!.Split(' ')[0]);
    }

    [Fact]
    public void Without_chords_the_report_has_no_progression()
    {
        var spec = GenerationRequestValidator.Validate(new GenerationRequest { Model = "lstm", Bars = 8, Seed = 3 }, _catalog.Cards, () => 1).Spec!;
        using var report = JsonDocument.Parse(SheetReport.ToJson(spec, LeadSheetGenerator.Generate(spec, _catalog.Model("lstm"), 0)));

        Assert.False(report.RootElement.TryGetProperty("progression", out _));
        Assert.False(report.RootElement.GetProperty("request").TryGetProperty("chords", out _));
    }
}
