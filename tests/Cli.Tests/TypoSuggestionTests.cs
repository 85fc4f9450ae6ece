namespace SithSynth.Cli.Tests;

public class TypoSuggestionTests
{
    private static readonly string[] Commands = ["generate", "check-model", "corpus", "bench", "serve", "bench-api", "eval", "help"];
    private static readonly string[] Options = ["--bars", "--key", "--tempo", "--temperature", "--time-signature", "--top-p", "--seed"];

    [Theory]
    [InlineData("generat", "generate")]
    [InlineData("genrate", "generate")]
    [InlineData("serv", "serve")]
    [InlineData("bench-ap", "bench-api")]
    [InlineData("check", "check-model")]
    [InlineData("evla", "eval")]
    public void A_command_a_letter_or_two_off_or_begun_is_suggested(string typed, string meant) =>
        Assert.Equal(meant, TypoSuggestion.Closest(typed, Commands));

    [Theory]
    [InlineData("--bar", "--bars")]
    [InlineData("--tmepo", "--tempo")]
    [InlineData("--temprature", "--temperature")]
    [InlineData("--time-sig", "--time-signature")]
    [InlineData("-seed", "--seed")]
    public void An_option_a_letter_or_two_off_or_begun_is_suggested(string typed, string meant) =>
        Assert.Equal(meant, TypoSuggestion.Closest(typed, Options));

    [Theory]
    [InlineData("--colour")]
    [InlineData("--t")]
    [InlineData("--te")]
    [InlineData("deploy")]
    public void Nothing_is_suggested_for_a_word_unlike_any_or_begun_by_several(string typed) =>
        Assert.Null(TypoSuggestion.Closest(typed, typed.StartsWith('-') ? Options : Commands));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("bars", "bars", 0)]
    [InlineData("bar", "bars", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    public void Edits_counts_insertions_deletions_and_substitutions(string a, string b, int edits)
    {
        Assert.Equal(edits, TypoSuggestion.Edits(a, b));
        Assert.Equal(edits, TypoSuggestion.Edits(b, a));
    }
}
