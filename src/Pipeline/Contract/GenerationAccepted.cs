namespace SithSynth.Pipeline.Contract;

/// <summary>The 202 body of POST /api/generations: the id and where to poll.</summary>
public sealed record GenerationAccepted(string Id, Uri StatusUrl);
