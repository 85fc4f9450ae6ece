using Microsoft.DurableTask.Client;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Handlers;

/// <summary>
/// Gives a <c>regenerate</c> request its source's settings: the bars, meter, key, conditions, form, chords and tempo of
/// the finished generation it names, so the new bars are written under the plan the kept ones were. The caller chooses
/// only how the new bars are drawn (model, temperature, top-p, seed, variations) and the layout; any other setting is
/// refused, as it would change the kept bars' sheet. The sheet itself is read by inference from the source's score.
/// </summary>
public static class RegenerationSource
{
    private static readonly string[] OwnSettings = ["timeSignature", "bars", "valence", "density", "key", "form", "chords", "tempo", "primer"];

    /// <summary>The request with the source's settings in, or the problems that stop it.</summary>
    public static async Task<(GenerationRequest? Request, IReadOnlyList<RequestProblem> Problems)> ResolveAsync(
        DurableTaskClient client, GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Regenerate is not { } regenerate)
        {
            return (request, []);
        }

        var given = Given(request).ToList();
        if (given.Count > 0)
        {
            return (null, [new RequestProblem("regenerate", $"Rewriting bars takes every other setting from the source generation; leave out: {string.Join(", ", given)}.")]);
        }

        if (regenerate.Generation is not { } id)
        {
            return (null, [new RequestProblem("regenerate.generation", "Name the finished generation whose bars to write again.")]);
        }

        var metadata = GenerationId.IsValid(id)
            ? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false)
            : null;
        if (metadata is not { RuntimeStatus: OrchestrationRuntimeStatus.Completed } || metadata.ReadOutputAs<GenerationResult>() is not { } source)
        {
            return (null, [new RequestProblem("regenerate.generation", $"There is no finished generation '{ProblemDocument.Shorten(id)}' to rewrite.")]);
        }

        var variation = regenerate.Variation ?? 1;
        if (source.Variations.All(v => v.Variation != variation))
        {
            return (null, [new RequestProblem("regenerate.variation", $"Generation '{id}' has variations 1 to {source.Variations.Count}, not {variation}.")]);
        }

        var settled = source.Request;
        return (settled with
        {
            Model = request.Model ?? settled.Model,
            Temperature = request.Temperature ?? settled.Temperature,
            TopP = request.TopP ?? settled.TopP,
            Seed = request.Seed,
            Variations = request.Variations,
            Layout = request.Layout ?? settled.Layout,
            Primer = null,
            Regenerate = regenerate with { Variation = variation },
        }, []);
    }

    private static IEnumerable<string> Given(GenerationRequest request)
    {
        object?[] values = [request.TimeSignature, request.Bars, request.Valence, request.Density, request.Key, request.Form, request.Chords, request.Tempo, request.Primer];
        return OwnSettings.Where((_, i) => values[i] is not null);
    }
}
