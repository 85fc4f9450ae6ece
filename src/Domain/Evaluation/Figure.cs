namespace SithSynth.Domain.Evaluation;

/// <summary>
/// One row of what a musician hears: the figure on the user-request grid (what the target judges), on sheets written
/// under held-out curves, in the held-out human pieces and in the noise floor (the rest of the corpus). A share is
/// 0..1 (<see cref="Percent"/> says to print it as a percentage); null where a set cannot show the figure.
/// </summary>
public sealed record Figure(string Name, string Label, bool Percent, double? Requests, double? Curves, double? Human, double? Floor, FigureTarget? Target)
{
    public bool? Passed => Target?.Met(Requests, Human);
}
