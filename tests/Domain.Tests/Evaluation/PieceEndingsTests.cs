using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Evaluation;

public sealed class PieceEndingsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sithsynth-endings-" + Guid.NewGuid().ToString("N"));

    public PieceEndingsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Each_piece_ends_where_its_last_run_ends_in_its_own_key()
    {
        File.WriteAllText(Path.Combine(_directory, PieceEndings.File), """
            [
              { "piece": "a", "timeSignature": "4/4", "key": "C", "bars": [ [ { "chord": "C", "pitch": 60, "duration": "4" } ] ] },
              { "piece": "a", "timeSignature": "4/4", "key": "C", "bars": [
                  [ { "chord": "F", "pitch": 65, "duration": "4" } ],
                  [ { "chord": "G7", "pitch": 67, "duration": "2" }, { "chord": "G7", "pitch": 67, "duration": "2", "tied": true } ],
                  [ { "chord": "C", "pitch": 72, "duration": "4" } ] ] },
              { "piece": "b", "timeSignature": "3/4", "key": "Am", "bars": [ [ { "chord": "Am", "pitch": null, "duration": "3" } ] ] }
            ]
            """);

        var endings = PieceEndings.Load(_directory, bars: 2, tempo: 90);

        Assert.Equal(2, endings.Count);
        Assert.Equal([67, 72], endings[0].Sheet.Measures.Select(m => m.Events[0].Pitch));
        Assert.True(endings[0].Sheet.Measures[0].Events[1].Tied);
        Assert.Equal(Key.CMajor, endings[0].Key);
        Assert.Equal((Key.Parse("Am"), "3/4"), (endings[1].Key, endings[1].Sheet.TimeSignature.ToString()));
    }

    [Fact]
    public void No_file_gives_no_endings_and_a_broken_one_a_clear_error()
    {
        Assert.Empty(PieceEndings.Load(_directory, 16, 100));

        File.WriteAllText(Path.Combine(_directory, PieceEndings.File), """[ { "piece": "a", "timeSignature": "4/4", "key": "C", "bars": [ [ { "chord": "Q", "duration": "4" } ] ] } ]""");
        var error = Assert.Throws<FormatException>(() => PieceEndings.Load(_directory, 16, 100));
        Assert.Contains("piece 'a'", error.Message, StringComparison.Ordinal);
    }
}
