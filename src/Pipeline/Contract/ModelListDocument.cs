namespace SithSynth.Pipeline.Contract;

/// <summary>GET /api/models: the models on offer, by name.</summary>
public sealed record ModelListDocument(IReadOnlyList<ModelDocument> Models);
