namespace SithSynth.Domain.Decoding;

/// <summary>How tokens are drawn from the model's scores.</summary>
public sealed record SamplingOptions(double Temperature = 1.0, double? TopP = null);
