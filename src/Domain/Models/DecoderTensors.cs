namespace SithSynth.Domain.Models;

public sealed record DecoderTensors(
    string File,
    string Token,
    string Bar,
    string Onset,
    string Memory,
    string Logits,
    IReadOnlyList<StateTensor> State);
