using System.Diagnostics;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Evaluates one model: writes the grid (every cell with its requested conditions, and again with random
/// conditions, once per cell, as the baseline) and scores control and validity on it; writes one sheet under each held-out
/// window's own conditions and compares its musical statistics with the window itself; and measures the held-out
/// likelihood. Every sheet's seed follows from the settings'
/// seed and its place in the grid, so a run is reproducible whatever the thread count.
/// </summary>
public static class ModelEvaluator
{
    // Offsets that keep the seed streams of grid cells, baselines and held-out sheets apart.
    private const ulong BaselineStream = 1UL << 32;
    private const ulong HeldOutStream = 1UL << 33;
    private const ulong FormStream = 1UL << 34;
    private const ulong ProgressionStream = 1UL << 35;
    private const ulong RewriteStream = 1UL << 36;

    public static EvaluationReport Evaluate(
        INextTokenModel model,
        IReadOnlyList<TimeSignature> timeSignatures,
        HeldOutSet heldOut,
        EvaluationSettings settings,
        IProgress<string>? progress = null,
        ListeningReferences? references = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.SamplesPerCell);
        var grid = settings.Valences is { } valences ? EvaluationGrid.Full(timeSignatures) with { Valences = valences } : EvaluationGrid.Full(timeSignatures);
        var cells = grid.Cells;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism) };
        var clock = Stopwatch.StartNew();

        var jobs = cells.Count * settings.SamplesPerCell;
        var conditioned = new GeneratedSheet[jobs];
        // One random-condition sheet per cell is enough to show what conditioning buys, at a quarter of the cost.
        var baseline = new GeneratedSheet[cells.Count];
        var done = 0;
        Parallel.For(0, jobs, parallel, job =>
        {
            var cellIndex = job / settings.SamplesPerCell;
            var sample = job % settings.SamplesPerCell;
            var spec = CellSpec(model.Name, cells[cellIndex], settings, SeededRandom.Derive(settings.Seed, (ulong)cellIndex));
            conditioned[job] = LeadSheetGenerator.Generate(spec, model, sample);
            if (sample == 0)
            {
                baseline[cellIndex] = LeadSheetGenerator.Generate(RandomConditions(spec, SeededRandom.Derive(spec.Seed, BaselineStream)), model, 0);
            }

            if (Interlocked.Increment(ref done) % Math.Max(1, jobs / 10) == 0)
            {
                progress?.Report($"{model.Name}: grid {done}/{jobs} cells×samples");
            }
        });

        var (minorSheets, minorPairs) = MinorGrid(model, cells, conditioned, settings, parallel, progress);
        var formSheets = FormGrid(model, cells, settings, parallel, progress);
        var rewritten = RewriteGrid(model, cells, conditioned, settings, parallel, progress);

        var heldOutSheets = new (LeadSheet Sheet, DecodedMusic Music, int Bars)[heldOut.Sequences.Count];
        Parallel.For(0, heldOut.Sequences.Count, parallel, i =>
        {
            var conditions = heldOut.Sequences[i].Conditions;
            var music = new ConstrainedDecoder(model).Decode(conditions, new SamplingOptions(settings.Temperature), SeededRandom.Derive(settings.Seed, HeldOutStream + (ulong)i));
            heldOutSheets[i] = (new LeadSheet(conditions[0].TimeSignature, Key.HomeOf(conditions[0].Mode), settings.Tempo, music.Written), music, conditions.Count);
        });
        var followed = ProgressionGrid(model, heldOut, settings, parallel);
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

        progress?.Report($"{model.Name}: {heldOut.Sequences.Count} sheets under held-out curves; measuring what a musician hears");
        var listening = Listening(
            model, timeSignatures, settings, references ?? ListeningReferences.None, heldOut,
            [.. conditioned.Select((s, job) => Measured(s, $"{job / settings.SamplesPerCell}"))],
            ControlByMeter(cells, conditioned, settings),
            minorSheets, minorPairs, formSheets,
            [.. heldOutSheets.Select((h, i) => (h.Sheet, heldOut.Sequences[i]))],
            followed,
            rewritten);

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
            ControlScore.Of([.. baseline.Select((s, cell) => Controlled(cells[cell], s))]),
            musicality,
            listening,
            likelihood,
            notes,
            generationTime,
            clock.Elapsed);
    }

    /// <summary>The 4/4 slice of the grid again in each minor key, with the major cell's seeds, so each minor sheet has a major twin.</summary>
    private static (List<MeasuredSheet> Sheets, List<(LeadSheet Major, MeasuredSheet Minor)> Pairs) MinorGrid(
        INextTokenModel model, IReadOnlyList<EvaluationCell> cells, GeneratedSheet[] major, EvaluationSettings settings, ParallelOptions parallel, IProgress<string>? progress)
    {
        var slice = SliceCells(cells);
        var keys = settings.Minor.Select(Key.Parse).ToList();
        var jobs = keys.Count * slice.Count * settings.SamplesPerCell;
        var sheets = new GeneratedSheet[jobs];
        Parallel.For(0, jobs, parallel, job =>
        {
            var key = keys[job / (slice.Count * settings.SamplesPerCell)];
            var cellIndex = slice[job / settings.SamplesPerCell % slice.Count];
            var spec = CellSpec(model.Name, cells[cellIndex], settings, SeededRandom.Derive(settings.Seed, (ulong)cellIndex)) with { Key = key };
            sheets[job] = LeadSheetGenerator.Generate(spec, model, job % settings.SamplesPerCell);
        });
        progress?.Report($"{model.Name}: {jobs} minor-key sheets");
        var measured = sheets.Select((s, job) => Measured(s, $"{s.Sheet.Key} {slice[job / settings.SamplesPerCell % slice.Count]}")).ToList();
        var pairs = measured.Select((m, job) => (major[(slice[job / settings.SamplesPerCell % slice.Count] * settings.SamplesPerCell) + (job % settings.SamplesPerCell)].Sheet, m)).ToList();
        return (measured, pairs);
    }

    /// <summary>The 4/4 slice once each at the form length, with no form asked: what a default 32-bar request restates.</summary>
    private static List<MeasuredSheet> FormGrid(INextTokenModel model, IReadOnlyList<EvaluationCell> cells, EvaluationSettings settings, ParallelOptions parallel, IProgress<string>? progress)
    {
        if (settings.FormBars <= 0)
        {
            return [];
        }

        var slice = SliceCells(cells);
        var sheets = new GeneratedSheet[slice.Count];
        Parallel.For(0, slice.Count, parallel, i =>
        {
            var spec = CellSpec(model.Name, cells[slice[i]], settings, SeededRandom.Derive(settings.Seed, FormStream + (ulong)slice[i])) with { Bars = settings.FormBars, Form = SongForm.Default(settings.FormBars) };
            sheets[i] = LeadSheetGenerator.Generate(spec, model, 0);
        });
        progress?.Report($"{model.Name}: {slice.Count} sheets of {settings.FormBars} bars");
        return [.. sheets.Select(s => Measured(s, null))];
    }

    /// <summary>
    /// The first sheet of every cell with two spans written again under a new seed, as a songwriter asks for another
    /// take: the second quarter of the sheet (ending a phrase) and four bars inside its last phrase.
    /// </summary>
    private static List<RewrittenSpan> RewriteGrid(
        INextTokenModel model, IReadOnlyList<EvaluationCell> cells, GeneratedSheet[] conditioned, EvaluationSettings settings, ParallelOptions parallel, IProgress<string>? progress)
    {
        var spans = RewriteSpans(settings.Bars);
        var jobs = cells.Count * spans.Count;
        var written = new RewrittenSpan[jobs];
        Parallel.For(0, jobs, parallel, job =>
        {
            var (cellIndex, span) = (job / spans.Count, spans[job % spans.Count]);
            var source = conditioned[cellIndex * settings.SamplesPerCell].Sheet;
            var spec = CellSpec(model.Name, cells[cellIndex], settings, SeededRandom.Derive(settings.Seed, RewriteStream + (ulong)job)) with
            {
                Regenerate = new Rewrite(span, null, 0),
            };
            written[job] = new RewrittenSpan(source, LeadSheetGenerator.Generate(spec, model, 0, source).Sheet, span);
        });
        progress?.Report($"{model.Name}: {jobs} regenerated spans");
        return [.. written];
    }

    // Bars 5–8 and 11–14 of 16; none in sheets too short to keep bars on both sides of a span.
    private static List<BarSpan> RewriteSpans(int bars) =>
        [.. new[] { new BarSpan((bars / 4) + 1, bars / 2), new BarSpan(bars - 5, bars - 2) }.Where(s => bars >= 8 && s.First > 1 && s.Last < bars)];

    /// <summary>The cells of 4/4 (or of the first meter when a model has no 4/4), by index into the grid.</summary>
    private static List<int> SliceCells(IReadOnlyList<EvaluationCell> cells)
    {
        var meter = cells.Any(c => c.TimeSignature == TimeSignature.Common) ? TimeSignature.Common : cells[0].TimeSignature;
        return [.. Enumerable.Range(0, cells.Count).Where(i => cells[i].TimeSignature == meter)];
    }

    private static List<(string Meter, ControlScore Control)> ControlByMeter(IReadOnlyList<EvaluationCell> cells, GeneratedSheet[] sheets, EvaluationSettings settings) =>
        [.. sheets
            .Select((s, job) => (Cell: cells[job / settings.SamplesPerCell], Sheet: s))
            .GroupBy(p => p.Cell.TimeSignature)
            .Select(g => (g.Key.ToString(), ControlScore.Of([.. g.Select(p => Controlled(p.Cell, p.Sheet))])))];

    private static IReadOnlyList<Figure> Listening(
        INextTokenModel model,
        IReadOnlyList<TimeSignature> timeSignatures,
        EvaluationSettings settings,
        ListeningReferences references,
        HeldOutSet heldOut,
        List<MeasuredSheet> requests,
        List<(string Meter, ControlScore Control)> control,
        List<MeasuredSheet> minor,
        List<(LeadSheet Major, MeasuredSheet Minor)> minorPairs,
        List<MeasuredSheet> forms,
        List<(LeadSheet Sheet, HeldOutSequence Window)> curves,
        List<(LeadSheet Sheet, LeadSheet Human)> followed,
        List<RewrittenSpan> rewritten)
    {
        static double? Share(IEnumerable<LeadSheet> sheets) =>
            sheets.Select(ChordTones.OnTheBeat).Aggregate((Tones: 0, Notes: 0), (a, b) => (a.Tones + b.ChordTones, a.Notes + b.Notes)) is { Notes: > 0 } t ? t.Tones / (double)t.Notes : null;
        var copies = references.Training.Count == 0 ? null : new CopyIndex(references.Training.Select(w => Window(model, w, settings).Sheet));
        var human = heldOut.Sequences.Where(w => w.Conditions.Count == settings.Bars).Select(w => Window(model, w, settings)).ToList();
        var floor = references.Training.Concat(references.Validation).Where(w => w.Conditions.Count == settings.Bars).Select(w => Window(model, w, settings)).ToList();
        var curveSheets = curves.Where(c => c.Window.Conditions.Count == settings.Bars)
            .Select(c => new MeasuredSheet(c.Sheet, c.Sheet.Key, [.. c.Window.Conditions.Select(b => b.Density)])).ToList();
        var minorEndings = references.Endings.Where(e => e.Key.Mode == KeyMode.Minor).ToList();
        return ListeningFigures.Of(new ListeningSets(
            [.. timeSignatures.Select(t => t.ToString())],
            requests.Count(r => r.Sheet.IsComplete && r.Sheet.Measures.Count == settings.Bars) / (double)requests.Count,
            FigureSet.Of(requests, copies),
            control,
            minor.Count == 0 ? null : FigureSet.Of(minor),
            minorPairs.Count == 0 ? null : minorPairs.Count(p => !SameMelody(p.Major, p.Minor.Home)) / (double)minorPairs.Count,
            forms.Count == 0 ? null : FigureSet.Of(forms),
            forms.Count == 0 ? null : forms.Count(f => BarRecurrence.PhraseMatches(f.Sheet, 1) >= RestatedPhraseBars) / (double)forms.Count,
            forms.Count == 0 ? null : forms.Count(f => BarRecurrence.PhraseMatches(f.Sheet, 3) >= RestatedPhraseBars) / (double)forms.Count,
            curveSheets.Count == 0 ? null : FigureSet.Of(curveSheets, copies),
            human.Count == 0 ? null : FigureSet.Of(human, copies),
            references.Endings.Count == 0 ? null : FigureSet.Of(references.Endings),
            minorEndings.Count == 0 ? null : FigureSet.Of(minorEndings),
            floor.Count == 0 ? null : FigureSet.Of(floor),
            followed.Count == 0 ? null : Share(followed.Select(f => f.Sheet)),
            followed.Count == 0 ? null : Share(followed.Select(f => f.Human)),
            rewritten.Count == 0 ? null : SpanFigures.Of(rewritten)));
    }

    /// <summary>
    /// Sheets written over the chords of the held-out windows (as a progression, under the windows' own conditions),
    /// each beside its window: whether the melody sits on given chords as the songs' melodies do. Windows that change
    /// chord off the beat, or whose chords the model cannot write, are left out.
    /// </summary>
    private static List<(LeadSheet Sheet, LeadSheet Human)> ProgressionGrid(INextTokenModel model, HeldOutSet heldOut, EvaluationSettings settings, ParallelOptions parallel)
    {
        var windows = heldOut.Sequences.Where(w => w.Conditions.Count == settings.Bars).ToList();
        var written = new (LeadSheet Sheet, LeadSheet Human)?[windows.Count];
        Parallel.For(0, windows.Count, parallel, i =>
        {
            var human = Window(model, windows[i], settings).Sheet;
            var problems = new List<string>();
            if (ChordTones.Progression(human) is not { } text
                || ChordProgression.Read(text, human.TimeSignature, human.Measures.Count, human.Key, null, model.Name, problems) is not { } progression
                || problems.Count > 0)
            {
                return;
            }

            var music = new ConstrainedDecoder(model).Decode(
                windows[i].Conditions, new SamplingOptions(settings.Temperature), SeededRandom.Derive(settings.Seed, ProgressionStream + (ulong)i), progression: progression.AtHome(human.Key));
            written[i] = (new LeadSheet(human.TimeSignature, human.Key, settings.Tempo, music.Written), human);
        });
        return [.. written.OfType<(LeadSheet, LeadSheet)>()];
    }

    // A phrase counts as restated when at least 6 of its 8 bars repeat the first phrase's melody (issue 10).
    private const int RestatedPhraseBars = 6;

    // The ending rule writes the final bar for the requested mode, so only the bars before it tell whether the model hears it.
    private static bool SameMelody(LeadSheet a, LeadSheet b) =>
        FigureSet.DifferentBars(a with { Measures = [.. a.Measures.SkipLast(1)] }, b with { Measures = [.. b.Measures.SkipLast(1)] }) == 0;

    /// <summary>A corpus window as a sheet in its home key, with the densities it measures as.</summary>
    private static MeasuredSheet Window(INextTokenModel model, HeldOutSequence window, EvaluationSettings settings)
    {
        var key = Key.HomeOf(window.Conditions[0].Mode);
        var sheet = new LeadSheet(window.Conditions[0].TimeSignature, key, settings.Tempo, SheetBuilder.FromTokens(model.Tokens, window.Tokens.Tokens));
        return new MeasuredSheet(sheet, key, [.. window.Conditions.Select(c => c.Density)]);
    }

    private static MeasuredSheet Measured(GeneratedSheet sheet, string? request) =>
        new(sheet.Sheet, sheet.Sheet.Key, [.. sheet.Plan.Select(p => p.Density)], request);

    /// <summary>
    /// The spec of a grid cell as a user's request becomes one: the cell's valence as the average, its density for every
    /// bar, in C major, in the default form for its length.
    /// </summary>
    public static GenerationSpec CellSpec(string model, EvaluationCell cell, EvaluationSettings settings, ulong seed) => new(
        model, settings.Temperature, null, cell.TimeSignature, settings.Bars, cell.Valence, null, cell.Density, null,
        Key.CMajor, settings.Tempo, seed, settings.SamplesPerCell, SongForm.Default(settings.Bars));

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
