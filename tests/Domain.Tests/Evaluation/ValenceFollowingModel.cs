using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Evaluation;

/// <summary>
/// A model that obeys the valence condition and nothing else: in each bar it strongly prefers chords of the kind
/// whose valence falls in the requested bin. Against it, conditioning must beat the random-condition baseline.
/// </summary>
public sealed class ValenceFollowingModel : INextTokenModel
{
    private static readonly TokenVocabulary Vocabulary = CreateVocabulary();

    public string Name => "valence-following";

    public TokenVocabulary Tokens => Vocabulary;

    public int OnsetResolution => TrainingVocabulary.OnsetResolution;

    public int MaxOnset => TrainingVocabulary.MaxOnset;

    public INextTokenSession Start(IReadOnlyList<BarCondition> bars) => new Session(bars);

    /// <summary>A chord kind whose valence measures in the given bin (see ChordValence).</summary>
    public static ChordKind KindFor(int valence) => valence switch
    {
        2 => ChordKind.Major,
        1 => ChordKind.Dominant9,
        0 => ChordKind.Dominant7,
        -1 => ChordKind.Minor7,
        _ => ChordKind.Minor,
    };

    private static TokenVocabulary CreateVocabulary()
    {
        TokenVocabulary.TryCreate(TrainingVocabulary.Tokens(), out var vocabulary, out _);
        return vocabulary!;
    }

    private sealed class Session(IReadOnlyList<BarCondition> bars) : INextTokenSession
    {
        private readonly float[] _logits = new float[Vocabulary.Count];

        public ReadOnlySpan<float> Advance(int token, long bar, long onset)
        {
            var wanted = KindFor(bars[(int)bar].Valence);
            for (var id = 0; id < _logits.Length; id++)
            {
                _logits[id] = Vocabulary[id].Chord is { } chord && chord.Kind == wanted ? 12 : 0;
            }
            return _logits;
        }

        public void Dispose()
        {
        }
    }
}
