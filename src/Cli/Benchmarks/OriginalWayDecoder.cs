using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Models;
using SithSynth.Domain.Randomness;

namespace SithSynth.Cli.Benchmarks;

/// <summary>
/// The research app's way of decoding, rebuilt on our model files as the benchmark's baseline: every token
/// recomputes the whole prefix from scratch, sampling is unconstrained, and a sheet that breaks the grammar is
/// thrown away and sampled again until a valid one appears (or the time budget runs out). Like the original, a
/// sheet that never says eos is cut at a maximum length.
/// </summary>
internal sealed class OriginalWayDecoder(INextTokenModel model)
{
    public sealed record Attempts(int Tried, int Valid, long Steps, TimeSpan Elapsed);

    public Attempts UntilValid(IReadOnlyList<BarCondition> bars, SamplingOptions options, ulong seed, int maxTokens, TimeSpan budget)
    {
        var tokens = model.Tokens;
        var all = Enumerable.Range(0, tokens.Count).ToList();
        var sampler = new MaskedSampler(tokens.Count, options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tried = 0;
        long steps = 0;
        while (clock.Elapsed < budget)
        {
            var random = new SeededRandom(SeededRandom.Derive(seed, (ulong)tried));
            tried++;
            var prefix = new List<int> { tokens.Sos };
            var cursor = new SheetCursor(bars[0].TimeSignature, bars.Count, model.OnsetResolution, model.MaxOnset);
            var positions = new List<(long Bar, long Onset)>();
            var valid = true;
            while (prefix[^1] != tokens.Eos && prefix.Count < maxTokens && clock.Elapsed < budget)
            {
                // The original knew positions only through the tokens; here a broken sheet keeps its last position.
                positions.Add((cursor.BarInput, cursor.OnsetInput));
                using var session = model.Start(bars);
                ReadOnlySpan<float> logits = default;
                for (var i = 0; i < prefix.Count; i++)
                {
                    logits = session.Advance(prefix[i], positions[i].Bar, positions[i].Onset);
                    steps++;
                }

                var next = sampler.Sample(logits, all, random).Token;
                prefix.Add(next);
                if (valid && cursor.Accepts(tokens[next]))
                {
                    cursor.Advance(tokens[next]);
                }
                else
                {
                    valid = false;
                }
            }

            if (valid && cursor.Next == Slot.Done)
            {
                return new Attempts(tried, 1, steps, clock.Elapsed);
            }
        }

        return new Attempts(tried, 0, steps, clock.Elapsed);
    }
}
