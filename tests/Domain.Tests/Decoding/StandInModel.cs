using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Models;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

/// <summary>How a stand-in model scores tokens.</summary>
public enum Scoring
{
    /// <summary>Independent random scores, wide enough that any token can win.</summary>
    Random,

    /// <summary>Every forbidden kind scores highest; the tokens the grammar needs score lowest or NaN.</summary>
    Adversarial,

    /// <summary>Infinities and NaN everywhere.</summary>
    NonFinite,

    /// <summary>The tie scores highest everywhere, whether or not there is a note to hold.</summary>
    Ties,
}

/// <summary>A next-token model that ignores music and returns scores chosen to test the decoder's guarantees.</summary>
/// <paramref name="vocabulary"/> defaults to the training vocabulary (with the tie token).
public sealed class StandInModel(Scoring scoring, ulong seed, TokenVocabulary? vocabulary = null) : INextTokenModel
{
    private static readonly TokenVocabulary Training = CreateVocabulary(TrainingVocabulary.Tokens());

    public string Name => "stand-in";

    public TokenVocabulary Tokens { get; } = vocabulary ?? Training;

    public int OnsetResolution => TrainingVocabulary.OnsetResolution;

    public int MaxOnset => TrainingVocabulary.MaxOnset;

    public int Calls { get; private set; }

    private Scoring Scoring { get; } = scoring;

    public INextTokenSession Start(IReadOnlyList<BarCondition> bars) => new Session(this, new SeededRandom(seed));

    public static TokenVocabulary CreateVocabulary(IReadOnlyList<string> texts)
    {
        TokenVocabulary.TryCreate(texts, out var created, out _);
        return created!;
    }

    private sealed class Session(StandInModel model, SeededRandom random) : INextTokenSession
    {
        private readonly float[] _logits = new float[model.Tokens.Count];

        public ReadOnlySpan<float> Advance(int token, long bar, long onset)
        {
            model.Calls++;
            var vocabulary = model.Tokens;
            var previousKind = vocabulary[token].Kind;
            for (var i = 0; i < _logits.Length; i++)
            {
                _logits[i] = model.Scoring switch
                {
                    Scoring.Random => (float)((random.NextDouble() * 40) - 20),
                    Scoring.Adversarial => Hostile(vocabulary[i].Kind, previousKind, i),
                    Scoring.Ties => vocabulary[i].Kind == TokenKind.Tie ? 1e30f : (float)((random.NextDouble() * 4) - 2),
                    _ => (random.NextInt(4)) switch { 0 => float.NaN, 1 => float.PositiveInfinity, 2 => float.NegativeInfinity, _ => 0 },
                };
            }

            return _logits;
        }

        // Scores the kind that would follow legally lowest (or NaN), and end-of-sheet or bar tokens highest.
        private static float Hostile(TokenKind kind, TokenKind previous, int id)
        {
            var legalNext = previous switch
            {
                TokenKind.Chord => TokenKind.Note,
                TokenKind.Note => TokenKind.Duration,
                _ => TokenKind.Chord,
            };
            return kind == legalNext ? (id % 2 == 0 ? float.NaN : -1e30f)
                : kind is TokenKind.Eos or TokenKind.Bar or TokenKind.Pad or TokenKind.Sos ? 1e30f
                : kind == TokenKind.Duration ? 500 + (id % 7)
                : 100;
        }

        public void Dispose()
        {
        }
    }
}
