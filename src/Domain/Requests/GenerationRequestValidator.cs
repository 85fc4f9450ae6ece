using System.Globalization;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Requests;

/// <summary>
/// Checks a request against the limits of the model it names and fills in defaults. Every problem is reported at
/// once, each with the field's name as the request spells it. The model's card decides which meters and how many
/// bars are possible.
/// </summary>
public static class GenerationRequestValidator
{
    public const int MinBars = 8;
    public const double MinTemperature = 0.5;
    public const double MaxTemperature = 1.5;
    public const int MinTempo = 30;
    public const int MaxTempo = 300;
    public const int MaxVariations = 8;

    /// <param name="request">What was asked.</param>
    /// <param name="cards">The models on offer.</param>
    /// <param name="newSeed">Chooses a seed when the request has none; called only then.</param>
    public static RequestValidation Validate(GenerationRequest request, IReadOnlyCollection<ModelCard> cards, Func<ulong> newSeed)
    {
        var problems = new List<RequestProblem>();
        void Problem(string field, string message) => problems.Add(new RequestProblem(field, message));

        var modelName = request.Model ?? GenerationSpec.DefaultModel;
        var card = cards.FirstOrDefault(c => c.Name == modelName);
        if (card is null)
        {
            Problem("model", $"There is no model '{modelName}'; choose one of: {string.Join(", ", cards.Select(c => c.Name).Order(StringComparer.Ordinal))}.");
        }

        var temperature = request.Temperature ?? GenerationSpec.DefaultTemperature;
        if (!(temperature >= MinTemperature && temperature <= MaxTemperature))
        {
            Problem("temperature", $"Temperature must be between {MinTemperature} and {MaxTemperature}.");
        }

        if (request.TopP is { } topP && !(topP > 0 && topP <= 1))
        {
            Problem("topP", "Top-p must be greater than 0 and at most 1.");
        }

        var primer = Primer(request, card, Problem);
        var timeSignatureText = request.TimeSignature ?? primer?.TimeSignature.ToString() ?? GenerationSpec.DefaultTimeSignature;
        if (!TimeSignature.TryParse(timeSignatureText, out var timeSignature))
        {
            Problem("timeSignature", $"'{timeSignatureText}' is not a time signature such as 4/4 or 6/8.");
        }
        else if (card is not null && !card.Conditions.Supports(timeSignature))
        {
            Problem("timeSignature", $"Model '{card.Name}' writes in {string.Join(", ", card.TimeSignatures)}, not {timeSignature}.");
        }

        var maxBars = card?.MaxBars ?? int.MaxValue;
        var bars = request.Bars ?? Math.Max(GenerationSpec.DefaultBars, (primer?.Bars ?? 0) + 1);
        if (bars < MinBars || bars > maxBars)
        {
            Problem("bars", card is null ? $"Bars must be at least {MinBars}." : $"Bars must be between {MinBars} and {maxBars} for model '{card.Name}'.");
        }
        else if (primer is not null && bars <= primer.Bars)
        {
            Problem("bars", $"Bars must be more than the primer's {primer.Bars} so there is something to continue.");
        }

        if (primer is not null && request.TimeSignature is not null && TimeSignature.TryParse(request.TimeSignature, out var askedMeter) && askedMeter != primer.TimeSignature)
        {
            Problem("timeSignature", $"The primer is in {primer.TimeSignature}; leave the time signature out or ask for {primer.TimeSignature}.");
        }

        var rewrite = Regenerate(request, bars, Problem);

        var (average, valencePerBar) = Valence(request.Valence, bars, Problem);
        var (uniform, densityPerBar) = DensityPlan(request.Density, bars, Problem);

        var keyText = request.Key ?? primer?.Key.ToString() ?? "C";
        if (!Key.TryParse(keyText, out var key))
        {
            Problem("key", $"'{keyText}' is not a key: write a tonic such as C, Eb or F# and add 'm' for minor (at most seven sharps or flats).");
        }
        else if (primer is not null && key.Mode != primer.Key.Mode)
        {
            Problem("key", $"The primer is in {primer.Key}, a {primer.Key.Mode.ToString().ToLowerInvariant()} key; ask for a {primer.Key.Mode.ToString().ToLowerInvariant()} key or leave the key out.");
        }

        SongForm? form = null;
        if (request.Form is null)
        {
            form = SongForm.Default(bars);
        }
        else if (bars >= MinBars && bars <= maxBars && !SongForm.TryParse(request.Form, bars, out form, out var formProblem))
        {
            Problem("form", formProblem);
        }

        ChordProgression? chords = null;
        if (request.Chords is { } chordsText)
        {
            var chordProblems = new List<string>();
            chords = ChordProgression.Read(
                chordsText,
                problems.Any(p => p.Field == "timeSignature") ? null : timeSignature,
                bars >= MinBars && bars <= maxBars ? bars : null,
                problems.Any(p => p.Field == "key") ? null : key,
                card?.Tokens.ChordIds.Select(id => card.Tokens[id].Chord!).ToList(),
                modelName,
                chordProblems);
            chordProblems.ForEach(message => Problem("chords", message));
        }

        var tempo = request.Tempo ?? GenerationSpec.DefaultTempo;
        if (tempo is < MinTempo or > MaxTempo)
        {
            Problem("tempo", $"Tempo must be between {MinTempo} and {MaxTempo} beats per minute.");
        }

        var variations = request.Variations ?? GenerationSpec.DefaultVariations;
        if (variations is < 1 or > MaxVariations)
        {
            Problem("variations", $"Variations must be between 1 and {MaxVariations}.");
        }

        if (!SheetLayoutNames.TryParse(request.Layout ?? SheetLayoutNames.Piano, out var layout))
        {
            Problem("layout", $"Layout must be {SheetLayoutNames.Piano} (melody, chord symbols and a chord staff) or {SheetLayoutNames.LeadSheet} (melody and chord symbols on one staff).");
        }

        if (problems.Count > 0)
        {
            return new RequestValidation(null, problems);
        }

        var spec = new GenerationSpec(
            modelName, temperature, request.TopP, timeSignature, bars, average, valencePerBar, uniform, densityPerBar,
            key, tempo, request.Seed ?? newSeed(), variations, form)
        {
            Layout = layout,
            Chords = chords,
            Primer = primer,
            PrimerText = primer is null ? null : request.Primer,
            Regenerate = rewrite,
        };
        return new RequestValidation(spec, []);
    }

    /// <summary>The primer read with the model's tokens; null when there is none or it cannot be written.</summary>
    private static WrittenSheet? Primer(GenerationRequest request, ModelCard? card, Action<string, string> problem)
    {
        if (request.Primer is not { } text)
        {
            return null;
        }

        if (request.Regenerate is not null)
        {
            problem("primer", "Give a primer to continue or bars to regenerate, not both.");
            return null;
        }

        if (card is null)
        {
            return null;
        }

        var primer = WrittenSheetReader.Read(text, card.Tokens, card.TimeSignatures, out var problems);
        foreach (var message in problems)
        {
            problem("primer", "The primer " + message);
        }

        return primer;
    }

    private static Rewrite? Regenerate(GenerationRequest request, int bars, Action<string, string> problem)
    {
        if (request.Regenerate is not { } regenerate)
        {
            return null;
        }

        var variation = regenerate.Variation ?? 1;
        if (variation is < 1 or > MaxVariations)
        {
            problem("regenerate.variation", $"Variation must be between 1 and {MaxVariations}.");
        }

        if (regenerate.Bars is null)
        {
            problem("regenerate.bars", "Say which bars to write again: first bar, a dash, last bar (e.g. '9-12').");
            return null;
        }

        if (BarSpan.TryParse(regenerate.Bars, out var spanProblem) is not { } span)
        {
            problem("regenerate.bars", spanProblem!);
            return null;
        }

        if (span.Last > bars)
        {
            problem("regenerate.bars", $"Bars {span} go past the sheet's {bars} bars.");
            return null;
        }

        return new Rewrite(span, regenerate.Generation, variation);
    }

    private static (double? Average, IReadOnlyList<int>? PerBar) Valence(IReadOnlyList<double>? values, int bars, Action<string, string> problem)
    {
        if (values is null)
        {
            // No mood asked: the plan follows a real song's curve whole (see ConditionPlanner).
            return (null, null);
        }

        switch (values.Count)
        {
            case 0:
                problem("valence", "Valence needs one average or one value per bar.");
                return (null, null);
            case 1:
                if (!(values[0] >= -2 && values[0] <= 2))
                {
                    problem("valence", "Average valence must be between -2 and 2.");
                }

                return (values[0], null);
        }

        if (values.Count != bars)
        {
            problem("valence", string.Create(CultureInfo.InvariantCulture, $"A valence curve needs one value per bar: {bars} values, not {values.Count}."));
        }

        if (values.Any(v => !(v >= -2 && v <= 2) || v != Math.Round(v)))
        {
            problem("valence", "Each bar's valence must be a whole number from -2 to 2.");
        }

        return (null, values.Select(v => (int)Math.Clamp(Math.Round(v), -2, 2)).ToList());
    }

    private static (Density? Uniform, IReadOnlyList<Density>? PerBar) DensityPlan(IReadOnlyList<string>? values, int bars, Action<string, string> problem)
    {
        if (values is null)
        {
            return (GenerationSpec.DefaultDensity, null);
        }

        var parsed = new List<Density>(values.Count);
        foreach (var value in values)
        {
            if (DensityNames.TryParse(value, out var density))
            {
                parsed.Add(density);
            }
            else
            {
                problem("density", $"'{value}' is not a density; use low, med or high.");
                return (null, null);
            }
        }

        switch (parsed.Count)
        {
            case 0:
                problem("density", "Density needs one value or one value per bar.");
                return (null, null);
            case 1:
                return (parsed[0], null);
        }

        if (parsed.Count != bars)
        {
            problem("density", string.Create(CultureInfo.InvariantCulture, $"A density list needs one value per bar: {bars} values, not {parsed.Count}."));
        }

        return (null, parsed);
    }
}
