namespace SithSynth.Domain.Models;

/// <summary>
/// parity.json beside a model: fixed inputs and the logits the training framework computed for them, so ONNX
/// Runtime's answers can be checked against the model as it was trained.
/// </summary>
internal sealed record ParityFixture(
    double Tolerance,
    IReadOnlyList<IReadOnlyList<long>> Conditions,
    IReadOnlyList<int> Tokens,
    IReadOnlyList<long> Bars,
    IReadOnlyList<long> Onsets,
    IReadOnlyList<IReadOnlyList<float>> Logits);
