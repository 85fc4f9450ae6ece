using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Turns a lead sheet (in the models' home key) into the token sequence a model trains on. A tied event becomes the
/// tie token where the vocabulary has one; without it (format-1 cards) it is the repeated note those models learnt.
/// </summary>
public sealed class LeadSheetTokenizer(TokenVocabulary vocabulary, int onsetResolution, int maxOnset)
{
    /// <summary>The sheet's tokens with their positions; throws when an event has no token in the vocabulary.</summary>
    public TokenSequence Encode(LeadSheet sheet)
    {
        var cursor = new SheetCursor(sheet.TimeSignature, sheet.Measures.Count, onsetResolution, maxOnset);
        var tokens = new List<int> { vocabulary.Sos };
        var bars = new List<long>();
        var onsets = new List<long>();

        void Emit(string text)
        {
            var id = vocabulary.IdOf(text);
            bars.Add(cursor.BarInput);
            onsets.Add(cursor.OnsetInput);
            tokens.Add(id);
            cursor.Advance(vocabulary[id]);
        }

        foreach (var measure in sheet.Measures)
        {
            foreach (var e in measure.Events)
            {
                Emit(DecoderToken.ForChord(e.Chord));
                Emit(e.Tied && vocabulary.Tie is not null ? DecoderToken.TieText : DecoderToken.ForNote(e.Pitch));
                Emit(DecoderToken.ForDuration(e.Duration));
            }

            Emit("bar");
        }

        Emit("eos");
        return new TokenSequence(tokens, bars, onsets);
    }
}
