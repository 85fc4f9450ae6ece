using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Evaluation;

/// <summary>The hand-made sheets of <see cref="MusicalStatisticsTests"/> as a held-out set, tokenized with the training vocabulary.</summary>
internal static class HeldOutSheets
{
    public static HeldOutSet Create(TokenVocabulary vocabulary)
    {
        var tokenizer = new LeadSheetTokenizer(vocabulary, TrainingVocabulary.OnsetResolution, TrainingVocabulary.MaxOnset);
        var sequences = MusicalStatisticsTests.Sheets.Select((sheet, i) => new HeldOutSequence(
            $"piece {i}",
            [.. PhrasePlan.For(sheet.Measures.Count).Select(p => new BarCondition(sheet.TimeSignature, p, 0, Density.Med))],
            tokenizer.Encode(sheet))).ToList();
        return new HeldOutSet(sequences, []);
    }
}
