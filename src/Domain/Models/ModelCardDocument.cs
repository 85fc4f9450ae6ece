using System.Text.Json.Nodes;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Models;

/// <summary>model.json exactly as written; <see cref="ModelCard"/> is the checked form.</summary>
internal sealed record ModelCardDocument(
    int FormatVersion,
    string? Name,
    string? Architecture,
    string? Description,
    string? Summary,
    int MaxBars,
    int OnsetResolution,
    int MaxOnset,
    ConditionLists? Conditions,
    IReadOnlyList<string>? Tokens,
    EncoderTensors? Encoder,
    DecoderTensors? Decoder,
    JsonObject? Training,
    JsonObject? Evaluation);
