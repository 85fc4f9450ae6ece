namespace SithSynth.Domain.Evaluation;

/// <summary>
/// How the constrained decoder fared in one pass per sheet: the share of sheets that came out complete and of the
/// requested length, and how often per sheet the grammar mask overruled the model's favourite token.
/// </summary>
public sealed record DecodingScore(int Sheets, int Valid, double InterventionsPerSheet, double MaskedProbabilityPerSheet)
{
    public double ValidShare => Sheets == 0 ? 0 : Valid / (double)Sheets;
}
