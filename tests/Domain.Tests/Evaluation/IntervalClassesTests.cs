using SithSynth.Domain.Evaluation;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class IntervalClassesTests
{
    [Theory]
    [InlineData(0, IntervalClass.Repeat)]
    [InlineData(-1, IntervalClass.Step)]
    [InlineData(2, IntervalClass.Step)]
    [InlineData(3, IntervalClass.Third)]
    [InlineData(-4, IntervalClass.Third)]
    [InlineData(5, IntervalClass.FourthOrFifth)]
    [InlineData(7, IntervalClass.FourthOrFifth)]
    [InlineData(8, IntervalClass.Larger)]
    [InlineData(-12, IntervalClass.Larger)]
    public void Semitones_fall_into_the_named_classes(int semitones, IntervalClass expected)
    {
        Assert.Equal(expected, IntervalClasses.Of(semitones));
    }

    [Fact]
    public void Rests_are_skipped_and_a_tied_note_is_not_a_repeat()
    {
        // 60 →(rest) 62 step, 62 ~62 tie (none), 62 → 62 repeat, → 67 fourth/fifth, → 79 larger, → 76 third.
        var sheet = Sheet("C:60:1 C:r:1 C:62:1 C:~62:1", "C:62:1 C:67:1 C:79:1 C:76:1");
        var counts = new long[5];

        IntervalClasses.Count(sheet, counts);

        Assert.Equal([1L, 1, 1, 1, 1], counts);
    }
}
