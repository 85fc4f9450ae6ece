using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// One written note value: a plain, dotted or triplet note type such as a dotted quarter or a triplet eighth.
/// Lengths that no single value can show are written as several values tied together.
/// </summary>
public sealed record NoteValue(string Type, Duration PlainLength, bool IsDotted, bool IsTriplet)
{
    // Longer notes than this many tied values do not occur in a bar of any meter we write.
    private const int MaxTiedPieces = 8;

    // The MusicXML note types from breve to 64th, with their lengths in quarter notes.
    private static readonly (string Type, Duration Length)[] Types =
    [
        ("breve", Duration.Quarters(8)),
        ("whole", Duration.Quarters(4)),
        ("half", Duration.Quarters(2)),
        ("quarter", Duration.Quarters(1)),
        ("eighth", new Duration(1, 2)),
        ("16th", new Duration(1, 4)),
        ("32nd", new Duration(1, 8)),
        ("64th", new Duration(1, 16)),
    ];

    private static readonly NoteValue[] All = Types
        .SelectMany(t => new[]
        {
            new NoteValue(t.Type, t.Length, IsDotted: false, IsTriplet: false),
            new NoteValue(t.Type, t.Length, IsDotted: true, IsTriplet: false),
            new NoteValue(t.Type, t.Length, IsDotted: false, IsTriplet: true),
        })
        .OrderByDescending(v => v.Length)
        .ToArray();

    /// <summary>The length this value sounds: a dot adds half, a triplet plays three in the time of two.</summary>
    public Duration Length => IsDotted
        ? new Duration(PlainLength.Numerator * 3, PlainLength.Denominator * 2)
        : IsTriplet
            ? new Duration(PlainLength.Numerator * 2, PlainLength.Denominator * 3)
            : PlainLength;

    /// <summary>
    /// The values that, tied together, write <paramref name="length"/>, longest first. Only values that are a whole number
    /// of <paramref name="divisions"/> per quarter are used, so every piece lands on the score's grid. Fewest pieces win;
    /// among those, a plain longest value (5/2 as half + eighth, which shows the middle of a 4/4 bar, rather than dotted
    /// quarter + quarter), then the longest shortest piece (5/6 as eighth + triplet eighth, not dotted eighth + triplet 32nd).
    /// </summary>
    public static IReadOnlyList<NoteValue> Split(Duration length, long divisions)
    {
        if (length <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "Only positive lengths can be written.");
        }

        var units = ToUnits(length, divisions)
            ?? throw new ArgumentException($"{length} quarter notes is not a whole number of divisions at {divisions} per quarter.", nameof(length));
        var candidates = All
            .Select(v => (Value: v, Units: ToUnits(v.Length, divisions)))
            .Where(c => c.Units is not null)
            .Select(c => (c.Value, Units: c.Units!.Value))
            .ToArray();

        for (var count = 1; count <= MaxTiedPieces; count++)
        {
            List<(NoteValue Value, int Units)>? best = null;
            Search(candidates, units, count, 0, [], ref best);
            if (best is not null)
            {
                return best.Select(p => p.Value).ToList();
            }
        }

        throw new NotSupportedException($"{length} quarter notes cannot be written with up to {MaxTiedPieces} plain, dotted or triplet values at {divisions} divisions per quarter.");
    }

    /// <summary>Every way to write <paramref name="remaining"/> units with exactly <paramref name="left"/> values, longest first.</summary>
    private static void Search((NoteValue Value, int Units)[] candidates, int remaining, int left, int from, List<(NoteValue Value, int Units)> chosen, ref List<(NoteValue Value, int Units)>? best)
    {
        if (left == 0)
        {
            if (remaining == 0 && (best is null || IsBetter(chosen, best)))
            {
                best = [.. chosen];
            }

            return;
        }

        for (var i = from; i < candidates.Length; i++)
        {
            var units = candidates[i].Units;
            if (units * left < remaining)
            {
                break; // The candidates only get shorter from here.
            }

            if (units > remaining)
            {
                continue;
            }

            chosen.Add(candidates[i]);
            Search(candidates, remaining - units, left - 1, i, chosen, ref best);
            chosen.RemoveAt(chosen.Count - 1);
        }
    }

    private static bool IsBetter(List<(NoteValue Value, int Units)> split, List<(NoteValue Value, int Units)> than)
    {
        static bool IsPlain(NoteValue v) => !v.IsDotted && !v.IsTriplet;
        if (IsPlain(split[0].Value) != IsPlain(than[0].Value))
        {
            return IsPlain(split[0].Value);
        }

        return split[^1].Units > than[^1].Units;
    }

    private static int? ToUnits(Duration length, long divisions)
    {
        var scaled = length.Numerator * divisions;
        return scaled % length.Denominator == 0 ? checked((int)(scaled / length.Denominator)) : null;
    }
}
