using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Vocabulary;

/// <summary>
/// The vocabulary new models are trained with. The corpus tool writes it out once; from then on the model card
/// carries it and nothing reads this class at generation time.
/// </summary>
public static class TrainingVocabulary
{
    /// <summary>C3..C6: the corpus melodies, moved to C, fit here after octave shifts.</summary>
    public const int LowestPitch = 48;

    public const int HighestPitch = 84;

    public const int MaxBars = 40;

    /// <summary>Onset units per quarter note: twelve holds both sixteenths and eighth-note triplets.</summary>
    public const int OnsetResolution = 12;

    public static IReadOnlyList<Duration> Durations { get; } =
    [
        new(1, 4), new(1, 3), new(1, 2), new(2, 3), new(3, 4), new(1, 1),
        new(4, 3), new(3, 2), new(2, 1), new(3, 1), new(4, 1), new(6, 1),
    ];

    public static IReadOnlyList<TimeSignature> TimeSignatures { get; } =
        [new(4, 4), new(3, 4), new(2, 4), new(2, 2), new(6, 8), new(12, 8)];

    /// <summary>Onset inputs run from 0 to the longest bar's end (where a bar token stands), inclusive.</summary>
    public static int MaxOnset => (int)TimeSignatures.Max(t => t.BarLength).ToTicks(OnsetResolution) + 1;

    public static IReadOnlyList<string> Tokens()
    {
        var tokens = new List<string> { "pad", "sos", "eos", "bar", DecoderToken.ForChord(ChordSymbol.NoChord) };
        foreach (var kind in Enum.GetValues<ChordKind>().Where(k => k != ChordKind.NoChord))
        {
            for (var root = 0; root < 12; root++)
            {
                tokens.Add(DecoderToken.ForChord(new ChordSymbol(root, kind)));
            }
        }

        tokens.Add(DecoderToken.ForNote(null));
        for (var pitch = LowestPitch; pitch <= HighestPitch; pitch++)
        {
            tokens.Add(DecoderToken.ForNote(pitch));
        }

        tokens.AddRange(Durations.Select(DecoderToken.ForDuration));
        tokens.Add(DecoderToken.TieText);
        return tokens;
    }

    public static ConditionLists Conditions() => new(
        TimeSignatures.Select(t => t.ToString()).ToList(),
        Enum.GetValues<PhrasePosition>().Select(PhrasePlan.Name).ToList(),
        [-2, -1, 0, 1, 2],
        Enum.GetValues<Density>().Select(DensityNames.Name).ToList(),
        Enum.GetValues<KeyMode>().Select(ConditionVocabulary.ModeName).ToList());
}
