using SithSynth.Domain.Analysis;
using SithSynth.Domain.Models;
using SithSynth.Domain.Rendering;
using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// A validated spec written back as a plain request with every field filled in and the seed fixed. Activities exchange
/// this JSON-friendly form (a spec holds keys and meters as objects) and each turns it back into the identical spec.
/// </summary>
public static class SettledRequest
{
    public static GenerationRequest From(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new GenerationRequest
        {
            Model = spec.Model,
            Temperature = spec.Temperature,
            TopP = spec.TopP,
            TimeSignature = spec.TimeSignature.ToString(),
            Bars = spec.Bars,
            Valence = spec.ValencePerBar is { } perBar ? [.. perBar.Select(v => (double)v)] : spec.AverageValence is { } average ? [average] : null,
            Density = spec.DensityPerBar is { } densities
                ? [.. densities.Select(DensityNames.Name)]
                : [DensityNames.Name(spec.UniformDensity ?? GenerationSpec.DefaultDensity)],
            Key = spec.Key.ToString(),
            Form = spec.Form?.Text,
            Chords = spec.Chords?.Text,
            Tempo = spec.Tempo,
            Seed = spec.Seed,
            Variations = spec.Variations,
            Layout = SheetLayoutNames.Name(spec.Layout),
            Primer = spec.PrimerText,
            Regenerate = spec.Regenerate is { } rewrite
                ? new RegenerateRequest { Generation = rewrite.Generation, Variation = rewrite.Variation, Bars = rewrite.Bars.ToString() }
                : null,
        };
    }

    /// <summary>
    /// The spec of a settled request. A settled request was valid when it was settled, so a problem now (a model taken
    /// out of the catalogue meanwhile) is reported as <see cref="InvalidDataException"/>, which retrying cannot fix.
    /// </summary>
    public static GenerationSpec ToSpec(GenerationRequest settled, IReadOnlyCollection<ModelCard> cards)
    {
        ArgumentNullException.ThrowIfNull(settled);
        if (settled.Seed is null)
        {
            throw new InvalidDataException("A settled request carries its seed.");
        }

        var validation = GenerationRequestValidator.Validate(settled, cards, () => throw new InvalidDataException("A settled request carries its seed."));
        return validation.Spec
            ?? throw new InvalidDataException("The settled request is no longer valid: " + string.Join(" ", validation.Problems.Select(p => $"{p.Field}: {p.Message}")));
    }
}
