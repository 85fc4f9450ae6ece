using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Vocabulary;

/// <summary>
/// The encoder's four condition lists from a model card, and the encoding of a bar's conditions into their indexes
/// in the order [time signature, phrase position, valence, density].
/// </summary>
public sealed class ConditionVocabulary
{
    public const int Features = 4;

    private readonly Dictionary<string, int> _timeSignatures;
    private readonly Dictionary<PhrasePosition, int> _phrases;
    private readonly Dictionary<int, int> _valences;
    private readonly Dictionary<Density, int> _densities;
    private readonly PhrasePosition[] _phraseAt;
    private readonly Density[] _densityAt;

    private ConditionVocabulary(ConditionLists lists)
    {
        Lists = lists;
        TimeSignatures = lists.TimeSignatures.Select(TimeSignature.Parse).ToList();
        _timeSignatures = lists.TimeSignatures.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        _phrases = lists.PhrasePositions.Select((p, i) => (PhrasePlan.TryParse(p, out var position) ? position : PhrasePosition.Inner, i)).ToDictionary(p => p.Item1, p => p.i);
        _valences = lists.Valences.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        _densities = lists.Densities.Select((d, i) => (DensityNames.TryParse(d, out var density) ? density : Density.Med, i)).ToDictionary(p => p.Item1, p => p.i);
        _phraseAt = [.. _phrases.OrderBy(p => p.Value).Select(p => p.Key)];
        _densityAt = [.. _densities.OrderBy(p => p.Value).Select(p => p.Key)];
    }

    public ConditionLists Lists { get; }

    public IReadOnlyList<TimeSignature> TimeSignatures { get; }

    public bool Supports(TimeSignature timeSignature) => _timeSignatures.ContainsKey(timeSignature.ToString());

    /// <summary>Writes the bar's four indexes into <paramref name="destination"/>.</summary>
    public void Encode(BarCondition condition, Span<long> destination)
    {
        destination[0] = _timeSignatures[condition.TimeSignature.ToString()];
        destination[1] = _phrases[condition.Phrase];
        destination[2] = _valences[condition.Valence];
        destination[3] = _densities[condition.Density];
    }

    /// <summary>Reads one bar's four indexes back into its conditions, as a corpus file stores them.</summary>
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
            At(_densityAt, indexes[3], "density"));
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

    public static bool TryCreate(ConditionLists lists, [NotNullWhen(true)] out ConditionVocabulary? vocabulary, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        foreach (var text in lists.TimeSignatures.Where(t => !TimeSignature.TryParse(t, out _)))
        {
            found.Add($"conditions.timeSignatures: '{text}' is not a time signature");
        }

        RequireAll(found, "phrasePositions", lists.PhrasePositions, Enum.GetValues<PhrasePosition>().Select(PhrasePlan.Name));
        RequireAll(found, "valences", lists.Valences.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList(), ["-2", "-1", "0", "1", "2"]);
        RequireAll(found, "densities", lists.Densities, Enum.GetValues<Density>().Select(DensityNames.Name));
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
