using System.Diagnostics;
using System.Globalization;
using System.Text;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;

namespace SithSynth.Cli.Benchmarks;

/// <summary>
/// Times sheet generation on one thread: our constrained, cached decoding against the original's way, per model
/// and sheet length, plus model load time and process memory. Prints a Markdown table.
/// </summary>
internal static class DecodingBenchmark
{
    public sealed record Settings(int Sheets, TimeSpan BaselineBudget, IReadOnlyList<int> BarCounts);

    public static string Run(ModelCatalog catalog, IReadOnlyList<string> models, Settings settings, TextWriter progress)
    {
        var table = new StringBuilder();
        table.AppendLine("| model | bars | ours: ms/sheet (median) | ours: steps/s | original: attempts | original: valid | original: steps/s | original: ms per valid sheet | speed-up per valid sheet |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var loads = new StringBuilder();
        foreach (var name in models)
        {
            var load = Stopwatch.StartNew();
            var model = catalog.Model(name);
            load.Stop();
            loads.AppendLine(Invariant($"- {name}: model load {load.Elapsed.TotalMilliseconds:0} ms"));
            var decoder = new ConstrainedDecoder(model);
            var options = new SamplingOptions();
            foreach (var bars in settings.BarCounts)
            {
                var conditions = Conditions(bars);
                decoder.Decode(conditions, options, 1); // warm-up: first-run allocations and JIT
                var times = new List<double>();
                long steps = 0;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < settings.Sheets; i++)
                {
                    var start = clock.Elapsed;
                    steps += decoder.Decode(conditions, options, (ulong)(100 + i)).Tokens.Bars.Count;
                    times.Add((clock.Elapsed - start).TotalMilliseconds);
                }

                var oursMedian = Median(times);
                var oursStepsPerSecond = steps / clock.Elapsed.TotalSeconds;
                progress.WriteLine(Invariant($"{name} {bars} bars: ours {oursMedian:0.0} ms/sheet; running the original's way for up to {settings.BaselineBudget.TotalSeconds:0} s…"));

                // The original's length cap: twice the tokens our sheets of this length take on average.
                var maxTokens = (int)(2 * steps / settings.Sheets);
                var original = new OriginalWayDecoder(model).UntilValid(conditions, options, 7, maxTokens, settings.BaselineBudget);
                var originalStepsPerSecond = original.Steps / original.Elapsed.TotalSeconds;
                var perValid = original.Valid > 0 ? original.Elapsed.TotalMilliseconds / original.Valid : double.NaN;
                var speedUp = original.Valid > 0
                    ? Invariant($"{perValid / oursMedian:0}×")
                    : Invariant($"> {original.Elapsed.TotalMilliseconds / oursMedian:0}× (no valid sheet in the budget)");
                table.AppendLine(Invariant(
                    $"| {name} | {bars} | {oursMedian:0.0} | {oursStepsPerSecond:0} | {original.Tried} | {original.Valid} | {originalStepsPerSecond:0} | {(original.Valid > 0 ? perValid.ToString("0", CultureInfo.InvariantCulture) : "—")} | {speedUp} |"));
            }
        }

        using var process = Process.GetCurrentProcess();
        loads.AppendLine(Invariant($"- process memory: working set {process.WorkingSet64 / 1048576.0:0} MiB, peak {process.PeakWorkingSet64 / 1048576.0:0} MiB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0.0} MiB"));
        return table.ToString() + Environment.NewLine + loads;
    }

    private static List<BarCondition> Conditions(int bars) =>
        [.. PhrasePlan.For(bars).Select(p => new BarCondition(TimeSignature.Common, p, 1, Density.Med))];

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
