namespace SithSynth.Domain.Models;

/// <summary>How ONNX Runtime runs a model: threads for one operator (one per sheet is fastest for these small models).</summary>
public sealed record OnnxModelOptions(int IntraOpThreads = 1);
