using System.Diagnostics;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Evaluates one model: writes the grid (every cell with its requested conditions, and again with random
/// conditions as the baseline) and scores control and validity on it; writes one sheet under each held-out
/// window's own conditions and compares its musical statistics with the window itself; and measures the held-out
/// likelihood. Every sheet's seed follows from the settings'
/// seed and its place in the grid, so a run is reproducible whatever the thread count.
/// </summary>
public static class ModelEvaluator
{
    // Offsets that keep the seed streams of grid cells, baselines and held-out sheets apart.
    private const ulong BaselineStream = 1UL << 32;
    private const ulong HeldOutStream = 1UL << 33;

    public static EvaluationReport Evaluate(
        INextTokenModel model,
        IReadOnlyList<TimeSignature> timeSignatures,
        HeldOutSet heldOut,
        EvaluationSettings settings,
        IProgress<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.SamplesPerCell);
        var grid = EvaluationGrid.Full(timeSignatures);
        var cells = grid.Cells;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism) };
        var clock = Stopwatch.StartNew();

        var jobs = cells.Count * settings.SamplesPerCell;
        var conditioned = new GeneratedSheet[jobs];
        var baseline = new GeneratedSheet[jobs];
        var done = 0;
        Parallel.For(0, jobs, parallel, job =>
        {
            var cellIndex = job / settings.SamplesPerCell;
            var sample = job % settings.SamplesPerCell;
            var spec = CellSpec(model.Name, cells[cellIndex], settings, SeededRandom.Derive(settings.Seed, (ulong)cellIndex));
            conditioned[job] = LeadSheetGenerator.Generate(spec, model, sample);
            baseline[job] = LeadSheetGenerator.Generate(RandomConditions(spec, SeededRandom.Derive(spec.Seed, BaselineStream + (ulong)sample)), model, sample);
            if (Interlocked.Increment(ref done) % Math.Max(1, jobs / 10) == 0)
            {
                progress?.Report($"{model.Name}: grid {done}/{jobs} cells×samples");
            }
        });

        var heldOutSheets = new (LeadSheet Sheet, DecodedMusic Music, int Bars)[heldOut.Sequences.Count];
        Parallel.For(0, heldOut.Sequences.Count, parallel, i =>
        {
            var conditions = heldOut.Sequences[i].Conditions;
            var music = new ConstrainedDecoder(model).Decode(conditions, new SamplingOptions(settings.Temperature), SeededRandom.Derive(settings.Seed, HeldOutStream + (ulong)i));
            heldOutSheets[i] = (new LeadSheet(conditions[0].TimeSignature, Key.CMajor, settings.Tempo, music.Measures), music, conditions.Count);
        });
        var generationTime = clock.Elapsed;

        var notes = new List<string>(heldOut.Notes);
        MusicalComparison? musicality = null;
        if (heldOut.Sequences.Count > 0)
        {
            // Musical statistics hang on meter, length and density, so compare like with like: the sheets written
            // under each held-out window's own conditions against those windows as the composers wrote them.
            var written = heldOut.Sequences
                .Select(s => new LeadSheet(s.Conditions[0].TimeSignature, Key.CMajor, settings.Tempo, SheetBuilder.FromTokens(model.Tokens, s.Tokens.Tokens)))
                .ToList();
            musicality = MusicalComparison.Of(MusicalStatistics.Of([.. heldOutSheets.Select(h => h.Sheet)]), MusicalStatistics.Of(written));
        }

        clock.Restart();
        LikelihoodScore? likelihood = null;
        if (heldOut.Sequences.Count > 0)
        {
            progress?.Report($"{model.Name}: likelihood of {heldOut.Sequences.Count} held-out sequences");
            likelihood = HeldOutLikelihood.Measure(model, heldOut.Sequences, settings.Parallelism);
        }

        return new EvaluationReport(
            model.Name,
            settings,
            grid,
            new DecodingScore(
                jobs,
                conditioned.Count(s => s.Sheet.IsComplete && s.Sheet.Measures.Count == settings.Bars),
                conditioned.Average(s => s.Interventions),
                conditioned.Average(s => s.MaskedProbability)),
            heldOutSheets.Length == 0 ? null : new DecodingScore(
                heldOutSheets.Length,
                heldOutSheets.Count(h => h.Sheet.IsComplete && h.Sheet.Measures.Count == h.Bars),
                heldOutSheets.Average(h => h.Music.Interventions),
                heldOutSheets.Average(h => h.Music.MaskedProbability)),
            ControlScore.Of([.. conditioned.Select((s, job) => Controlled(cells[job / settings.SamplesPerCell], s))]),
            ControlScore.Of([.. baseline.Select((s, job) => Controlled(cells[job / settings.SamplesPerCell], s))]),
            musicality,
            likelihood,
            notes,
            generationTime,
            clock.Elapsed);
    }

    /// <summary>The spec of a grid cell: the cell's valence as the average and its density for every bar, in C major.</summary>
    public static GenerationSpec CellSpec(string model, EvaluationCell cell, EvaluationSettings settings, ulong seed) => new(
        model, settings.Temperature, null, cell.TimeSignature, settings.Bars, cell.Valence, null, cell.Density, null,
        Key.CMajor, settings.Tempo, seed, settings.SamplesPerCell);

    /// <summary>The same spec with a random valence and density for every bar, drawn from <paramref name="seed"/>.</summary>
    public static GenerationSpec RandomConditions(GenerationSpec spec, ulong seed)
    {
        var random = new SeededRandom(seed);
        var densities = Enum.GetValues<Density>();
        var valences = new int[spec.Bars];
        var perBar = new Density[spec.Bars];
        for (var bar = 0; bar < spec.Bars; bar++)
        {
            valences[bar] = random.NextInt(5) - 2;
            perBar[bar] = densities[random.NextInt(densities.Length)];
        }

        return spec with { AverageValence = null, ValencePerBar = valences, UniformDensity = null, DensityPerBar = perBar };
    }

    // Baseline sheets are scored against the cell's request, not against the random conditions they were given.
    private static ControlledSheet Controlled(EvaluationCell cell, GeneratedSheet sheet) => new(cell.Valence, cell.Density, sheet.Analysis);
}
