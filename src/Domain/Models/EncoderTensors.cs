namespace SithSynth.Domain.Models;

public sealed record EncoderTensors(string File, string Conditions, string Memory);
