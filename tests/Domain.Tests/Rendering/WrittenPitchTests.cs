using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering;

public class WrittenPitchTests
{
    [Theory]
    [InlineData(60, 'C', 0, 4)]
    [InlineData(60, 'B', 1, 3)]
    [InlineData(59, 'C', -1, 4)]
    [InlineData(59, 'B', 0, 3)]
    [InlineData(71, 'C', -1, 5)]
    [InlineData(62, 'C', 2, 4)]
    [InlineData(21, 'A', 0, 0)]
    public void The_octave_follows_the_letter_across_the_B_C_boundary(int midi, char step, int alter, int octave)
    {
        Assert.Equal(new WrittenPitch(step, alter, octave), WrittenPitch.Of(midi, new SpelledPitch(step, alter)));
    }

    [Fact]
    public void A_spelling_of_another_pitch_class_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WrittenPitch.Of(60, new SpelledPitch('D', 0)));
    }
}
