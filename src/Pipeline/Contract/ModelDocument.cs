using System.Text.Json.Nodes;
using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Contract;

/// <summary>One model on offer, from its card: what it is, its limits and meters, how it was trained and evaluated.</summary>
public sealed record ModelDocument(
    string Name,
    string Architecture,
    string Description,
    string? Summary,
    int MinBars,
    int MaxBars,
    IReadOnlyList<string> TimeSignatures,
    JsonObject? Training,
    JsonObject? Evaluation)
{
    public static ModelDocument Of(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new ModelDocument(
            card.Name, card.Architecture, card.Description, card.Summary, GenerationRequestValidator.MinBars, card.MaxBars,
            [.. card.TimeSignatures.Select(t => t.ToString())],
            card.Training?.DeepClone().AsObject(), card.Evaluation?.DeepClone().AsObject());
    }
}
