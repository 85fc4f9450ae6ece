using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Vocabulary;

/// <summary>
/// The encoder's condition lists from a model card, and the encoding of a bar's conditions into their indexes in
/// the order [time signature, phrase position, valence, density, mode]. A card without modes (format 1) reads
/// four columns and no final phrase positions: those bars are heard as the end positions it knows.
/// </summary>
public sealed class ConditionVocabulary
{
    /// <summary>Columns of a card that lists no modes.</summary>
    public const int FeaturesWithoutMode = 4;

    /// <summary>Columns of a card that lists modes.</summary>
    public const int FeaturesWithMode = 5;

    private static readonly string[] ModeNames = ["major", "minor"];

    private readonly Dictionary<string, int> _timeSignatures;
    private readonly Dictionary<PhrasePosition, int> _phrases;
    private readonly Dictionary<int, int> _valences;
    private readonly Dictionary<Density, int> _densities;
    private readonly Dictionary<KeyMode, int>? _modes;
    private readonly PhrasePosition[] _phraseAt;
    private readonly Density[] _densityAt;
    private readonly KeyMode[] _modeAt;

    private ConditionVocabulary(ConditionLists lists)
    {
        Lists = lists;
        TimeSignatures = lists.TimeSignatures.Select(TimeSignature.Parse).ToList();
        _timeSignatures = lists.TimeSignatures.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        _phrases = lists.PhrasePositions.Select((p, i) => (PhrasePlan.TryParse(p, out var position) ? position : PhrasePosition.Inner, i)).ToDictionary(p => p.Item1, p => p.i);
        _valences = lists.Valences.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        _densities = lists.Densities.Select((d, i) => (DensityNames.TryParse(d, out var density) ? density : Density.Med, i)).ToDictionary(p => p.Item1, p => p.i);
        _modes = lists.Modes?.Select((m, i) => (TryParseMode(m, out var mode) ? mode : KeyMode.Major, i)).ToDictionary(p => p.Item1, p => p.i);
        _phraseAt = [.. _phrases.OrderBy(p => p.Value).Select(p => p.Key)];
        _densityAt = [.. _densities.OrderBy(p => p.Value).Select(p => p.Key)];
        _modeAt = _modes is null ? [] : [.. _modes.OrderBy(p => p.Value).Select(p => p.Key)];
        Features = _modes is null ? FeaturesWithoutMode : FeaturesWithMode;
    }

    public ConditionLists Lists { get; }

    public IReadOnlyList<TimeSignature> TimeSignatures { get; }

    /// <summary>Indexes per bar: 4 for a card without modes, 5 with.</summary>
    public int Features { get; }

    /// <summary>True when the model hears the key's mode.</summary>
    public bool HasModes => _modes is not null;

    /// <summary>True when the model knows the final phrase positions of a piece's last bars.</summary>
    public bool HasFinalPositions => _phrases.ContainsKey(PhrasePosition.Final1);

    public bool Supports(TimeSignature timeSignature) => _timeSignatures.ContainsKey(timeSignature.ToString());

    public static string ModeName(KeyMode mode) => ModeNames[(int)mode];

    public static bool TryParseMode(string text, out KeyMode mode)
    {
        var index = Array.IndexOf(ModeNames, text);
        mode = index < 0 ? KeyMode.Major : (KeyMode)index;
        return index >= 0;
    }

    /// <summary>Writes the bar's <see cref="Features"/> indexes into <paramref name="destination"/>.</summary>
    public void Encode(BarCondition condition, Span<long> destination)
    {
        destination[0] = _timeSignatures[condition.TimeSignature.ToString()];
        destination[1] = _phrases.TryGetValue(condition.Phrase, out var phrase) ? phrase : _phrases[PhrasePlan.WithoutFinal(condition.Phrase)];
        destination[2] = _valences[condition.Valence];
        destination[3] = _densities[condition.Density];
        if (_modes is not null)
        {
            destination[4] = _modes[condition.Mode];
        }
    }

    /// <summary>Reads one bar's indexes back into its conditions, as a corpus file stores them.</summary>
    public BarCondition Decode(ReadOnlySpan<long> indexes)
    {
        if (indexes.Length != Features)
        {
            throw new ArgumentException($"A bar has {Features} condition indexes, not {indexes.Length}.", nameof(indexes));
        }

        return new BarCondition(
            At(TimeSignatures, indexes[0], "time signature"),
            At(_phraseAt, indexes[1], "phrase position"),
            At(Lists.Valences, indexes[2], "valence"),
            At(_densityAt, indexes[3], "density"),
            _modes is null ? KeyMode.Major : At(_modeAt, indexes[4], "mode"));
    }

    private static T At<T>(IReadOnlyList<T> values, long index, string name) => index >= 0 && index < values.Count
        ? values[(int)index]
        : throw new ArgumentOutOfRangeException(nameof(index), $"The {name} index {index} is outside the card's {values.Count} values.");

    public long[] Encode(IReadOnlyList<BarCondition> bars)
    {
        var encoded = new long[bars.Count * Features];
        for (var i = 0; i < bars.Count; i++)
        {
            Encode(bars[i], encoded.AsSpan(i * Features, Features));
        }

        return encoded;
    }

    /// <summary>
    /// Checks the lists of a card: without modes (format 1) the five phrase positions without the final ones; with
    /// modes (format 2) all seven and both modes.
    /// </summary>
    public static bool TryCreate(ConditionLists lists, [NotNullWhen(true)] out ConditionVocabulary? vocabulary, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        foreach (var text in lists.TimeSignatures.Where(t => !TimeSignature.TryParse(t, out _)))
        {
            found.Add($"conditions.timeSignatures: '{text}' is not a time signature");
        }

        var phrases = Enum.GetValues<PhrasePosition>().Where(p => lists.Modes is not null || !PhrasePlan.IsFinal(p)).Select(PhrasePlan.Name);
        RequireAll(found, "phrasePositions", lists.PhrasePositions, phrases);
        RequireAll(found, "valences", lists.Valences.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList(), ["-2", "-1", "0", "1", "2"]);
        RequireAll(found, "densities", lists.Densities, Enum.GetValues<Density>().Select(DensityNames.Name));
        if (lists.Modes is not null)
        {
            RequireAll(found, "modes", lists.Modes, ModeNames);
        }

        if (lists.TimeSignatures.Count == 0)
        {
            found.Add("conditions.timeSignatures is empty");
        }

        problems = found;
        vocabulary = found.Count == 0 ? new ConditionVocabulary(lists) : null;
        return vocabulary is not null;
    }

    private static void RequireAll(List<string> problems, string name, IReadOnlyList<string> actual, IEnumerable<string> expected)
    {
        var wanted = expected.ToList();
        if (actual.Count != wanted.Count || wanted.Except(actual, StringComparer.Ordinal).Any())
        {
            problems.Add($"conditions.{name} must list exactly [{string.Join(", ", wanted)}] in any order");
        }
    }
}
