namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Teacher-forced negative log-likelihood of held-out sheets, in nats: summed over every predicted token (from the
/// first event to <c>eos</c>) and divided by the tokens, or by the events (chord–note–duration triples).
/// </summary>
public sealed record LikelihoodScore(int Sequences, long Tokens, long Events, double NllPerToken, double NllPerEvent);
