using System.Globalization;

namespace SithSynth.Pipeline.Admission;

/// <summary>
/// A caller's generations in flight, as its bucket stores them ("id cost ticks" a line). Nobody has to report a
/// generation's end: a claim that does not fit asks the engine about the held ones, oldest first, and drops those that
/// have finished or are unknown (a schedule that failed), so a crashed host cannot leave a caller locked out. An unknown
/// hold younger than <see cref="Grace"/> is kept, as its schedule may not have reached the engine yet, and one older
/// than <see cref="MaxAge"/> is dropped without asking.
/// </summary>
public sealed class InFlightHolds
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(30);

    private readonly List<InFlightHold> _holds;

    private InFlightHolds(List<InFlightHold> holds) => _holds = holds;

    public int Count => _holds.Count;

    /// <summary>Bar-variations held in all.</summary>
    public int Cost => _holds.Sum(h => h.Cost);

    public static InFlightHolds Parse(string? text)
    {
        var holds = new List<InFlightHold>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // A line that cannot be read holds nothing.
            if (line.Split(' ') is [var id, var cost, var since]
                && int.TryParse(cost, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
                && long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                holds.Add(new InFlightHold(id, c, s));
            }
        }

        return new InFlightHolds(holds);
    }

    public string Format() => string.Join('\n', _holds.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Id} {h.Cost} {h.Since}")));

    public InFlightHolds Without(string id) => new(_holds.Where(h => h.Id != id).ToList());

    /// <summary>
    /// Adds <paramref name="claim"/> when everything held stays within <paramref name="cap"/>, after dropping what has
    /// finished; a claim for a generation already held is admitted as it is (a retry of the same schedule).
    /// </summary>
    public async Task<(bool Admitted, InFlightHolds Holds)> ClaimAsync(InFlightHold claim, int cap, Func<string, CancellationToken, Task<HeldState>> stateOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(stateOf);
        var holds = _holds.Where(h => claim.Since - h.Since < MaxAge.Ticks).ToList();
        if (holds.Any(h => h.Id == claim.Id))
        {
            return (true, new InFlightHolds(holds));
        }

        foreach (var held in holds.OrderBy(h => h.Since).ToList())
        {
            if (holds.Sum(h => h.Cost) + claim.Cost <= cap)
            {
                break;
            }

            var state = await stateOf(held.Id, cancellationToken).ConfigureAwait(false);
            if (state == HeldState.Finished || (state == HeldState.Unknown && claim.Since - held.Since >= Grace.Ticks))
            {
                holds.Remove(held);
            }
        }

        if (holds.Sum(h => h.Cost) + claim.Cost > cap)
        {
            return (false, new InFlightHolds(holds));
        }

        holds.Add(claim);
        return (true, new InFlightHolds(holds));
    }
}
