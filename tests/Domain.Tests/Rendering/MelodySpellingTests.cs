using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;
using static SithSynth.Domain.Tests.Rendering.SampleLeadSheets;
using static SithSynth.Domain.Tests.Rendering.ScoreReading;

namespace SithSynth.Domain.Tests.Rendering;

public class MelodySpellingTests
{
    [Theory]
    // A chord tone is spelled as the chord spells it: G# over E7 in C, where the key alone writes Ab.
    [InlineData("C", "E7", 8, "G#")]
    [InlineData("C", "E", 8, "G#")]
    [InlineData("C", "Fm", 8, "Ab")]
    [InlineData("C", "D7", 6, "F#")]
    [InlineData("C", "Bb7", 10, "Bb")]
    [InlineData("Am", "E7", 8, "G#")]
    [InlineData("F", "A7", 1, "C#")]
    [InlineData("Eb", "C7", 4, "E")]
    [InlineData("F#m", "C#7", 5, "E#")]
    // A passing note over a chord of the key takes the key's spelling, over a chromatic chord that of its root's key.
    [InlineData("C", "C", 8, "Ab")]
    [InlineData("C", "G7", 6, "F#")]
    [InlineData("C", "E7", 3, "D#")]
    [InlineData("C", "A7", 8, "G#")]
    [InlineData("C", "N.C.", 8, "Ab")]
    // Never a double flat for a passing note, even where the key's own chromatic spelling would give one.
    [InlineData("Abm", "Abm", 9, "A")]
    // The slash bass is spelled like the chord staff spells it.
    [InlineData("C", "C/Bb", 10, "Bb")]
    public void Melody_notes_are_spelled_by_the_chord_under_them(string key, string chord, int pitchClass, string expected)
    {
        Assert.Equal(expected, MelodySpelling.Of(pitchClass, ChordSymbol.Parse(chord), Key.Parse(key)).ToString());
    }

    [Theory]
    // A chromatic passing note rising a semitone to the next note is raised from the letter below it.
    [InlineData("Bb", "F7", 71, 72, "F7", "B")] // Cb-C would use one letter twice
    [InlineData("C", "C", 68, 69, "F", "G#")]
    [InlineData("Eb", "Eb", 66, 67, "Eb", "F#")]
    // Not a rising step to the next note, or a chord tone, or a note of the key: spelled as without the next note.
    [InlineData("Bb", "F7", 71, 74, "F7", "Cb")]
    [InlineData("Bb", "F7", 71, 70, "F7", "Cb")]
    [InlineData("C", "C", 66, 65, "F", "F#")]
    [InlineData("C", "E7", 68, 69, "Am", "G#")]
    [InlineData("C", "E7", 68, 67, "C", "G#")]
    [InlineData("C", "C", 64, 65, "F", "E")]
    public void A_chromatic_passing_note_rising_to_the_next_note_is_raised_from_the_letter_below(string key, string chord, int pitch, int nextPitch, string nextChord, string expected)
    {
        var next = new MelodyEvent(ChordSymbol.Parse(nextChord), nextPitch, Duration.Quarters(1));

        Assert.Equal(expected, MelodySpelling.InLine(pitch, ChordSymbol.Parse(chord), Key.Parse(key), next).ToString());
    }

    [Fact]
    public void A_chromatic_note_before_a_rest_or_at_the_end_is_spelled_as_the_chord_and_key_say()
    {
        Assert.Equal("Cb", MelodySpelling.InLine(71, ChordSymbol.Parse("F7"), Key.Parse("Bb"), new MelodyEvent(ChordSymbol.Parse("F7"), null, Duration.Quarters(1))).ToString());
        Assert.Equal("Cb", MelodySpelling.InLine(71, ChordSymbol.Parse("F7"), Key.Parse("Bb"), null).ToString());
    }

    [Fact]
    public void Over_E7_in_C_the_melody_and_the_chord_staff_both_write_G_sharp()
    {
        var score = MusicXmlWriter.Write(Sheet("4/4", "C", 100, Bar(("E7", 68, "2"), ("Am", 69, "1"), ("C", 68, "1"))), "G sharp");
        var melody = Notes(Bars(score, MusicXmlWriter.MelodyPart)[0]).Select(PitchName);
        var chords = Sounds(Bars(score, MusicXmlWriter.ChordPart)[0])[0].Select(PitchName);

        Assert.Equal(["G+1/4", "A4", "A-1/4"], melody);
        Assert.Equal(["E3", "G+1/3", "B3", "D4"], chords);
    }
}
