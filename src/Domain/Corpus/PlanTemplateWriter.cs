using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Collects the plan templates shipped beside each model: every training window's per-bar valence and density (the
/// conditions the model was trained on), with its piece, meter, mode and first bar. Only the train split is used,
/// so a plan never comes from a piece the evaluation holds out.
/// </summary>
public static class PlanTemplateWriter
{
    public static PlanTemplates Collect(TrainingCorpus corpus)
    {
        var templates = new List<PlanTemplate>();
        foreach (var piece in corpus.Pieces.Where(p => p.Split == CorpusSplit.Train))
        {
            var places = Places(piece);
            var modes = piece.Arrangements.Select(a => a.Key.Mode).Distinct().ToList();
            foreach (var sequence in piece.Sequences)
            {
                // A window opening inside a held note starts on a fresh copy of its first bar (see CorpusSequence),
                // so its place is the one before its second bar's.
                (int Bar, KeyMode Mode)? place = places.TryGetValue(sequence.Bars[0], out var found) ? found
                    : sequence.Bars.Count > 1 && places.TryGetValue(sequence.Bars[1], out var next) ? (next.Bar - 1, next.Mode)
                    : null;
                if (place is null && modes.Count != 1)
                {
                    // A re-barred window of a piece in both modes: its mode is unknown, so it is no template.
                    continue;
                }

                templates.Add(new PlanTemplate(
                    sequence.Piece, place?.Bar, sequence.TimeSignature, place?.Mode ?? modes[0],
                    [.. sequence.Conditions.Select(c => c.Valence)], [.. sequence.Conditions.Select(c => c.Density)]));
            }
        }

        return new PlanTemplates(templates);
    }

    public static void Write(TrainingCorpus corpus, string path)
    {
        using var stream = File.Create(path);
        Collect(corpus).Write(stream, $"sithsynth corpus: the train split of seed {corpus.Seed}, one template per training window");
    }

    // Each bar of the piece (by identity: windows share the arrangement's bars) with its 1-based number among the
    // piece's usable bars and its mode.
    private static Dictionary<Measure, (int Bar, KeyMode Mode)> Places(CorpusPiece piece)
    {
        var places = new Dictionary<Measure, (int, KeyMode)>(ReferenceEqualityComparer.Instance);
        var number = 0;
        foreach (var arrangement in piece.Arrangements)
        {
            foreach (var bar in arrangement.Runs.SelectMany(run => run))
            {
                places.TryAdd(bar, (++number, arrangement.Key.Mode));
            }
        }

        return places;
    }
}
