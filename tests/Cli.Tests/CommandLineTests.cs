namespace SithSynth.Cli.Tests;

/// <summary>How sithsynth answers people at the command line: usage, help, suggestions, and defaults written one way.</summary>
public class CommandLineTests
{
    private static readonly string[] Commands = ["generate", "check-model", "corpus", "bench", "serve", "bench-api", "eval", "help"];

    [Fact]
    public void A_bare_call_prints_the_usage_with_every_command_and_exits_two()
    {
        var run = Sithsynth.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        foreach (var command in Commands)
        {
            Assert.Contains("  " + command + " ", run.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Required command", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_command_prints_what_help_options_print()
    {
        var help = Sithsynth.Run("help");
        var helpGenerate = Sithsynth.Run("help", "generate");

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(Sithsynth.Run("--help").Out, help.Out);
        Assert.Equal(0, helpGenerate.ExitCode);
        Assert.Equal(Sithsynth.Run("generate", "--help").Out, helpGenerate.Out);
        Assert.Contains("--bars", helpGenerate.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "generat" }, "unknown command 'generat' (did you mean 'generate'?)")]
    [InlineData(new[] { "serv", "--urls", "http://127.0.0.1:1" }, "unknown command 'serv' (did you mean 'serve'?)")]
    [InlineData(new[] { "generate", "--bar", "8" }, "unknown option '--bar' (did you mean '--bars'?)")]
    [InlineData(new[] { "generate", "--temprature", "1.2" }, "unknown option '--temprature' (did you mean '--temperature'?)")]
    [InlineData(new[] { "serve", "--url", "http://127.0.0.1:1" }, "unknown option '--url' (did you mean '--urls'?)")]
    [InlineData(new[] { "help", "generat" }, "help: there is no command 'generat'; did you mean 'generate'?")]
    public void A_mistyped_command_or_option_gets_one_line_with_a_suggestion(string[] args, string line)
    {
        var run = Sithsynth.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("sithsynth: " + line, run.Error.TrimEnd());
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_word_like_nothing_known_gets_no_suggestion()
    {
        var run = Sithsynth.Run("generate", "--colour", "red");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("sithsynth: unknown option '--colour'", run.Error.TrimEnd());
    }

    [Fact]
    public void Every_help_page_writes_defaults_one_way()
    {
        foreach (var command in Commands)
        {
            var help = Sithsynth.Run(command, "--help");

            Assert.True(help.ExitCode == 0, command + ": " + help.Error);
            Assert.DoesNotContain("[default", help.Out, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Default:", help.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("(default:", help.Out, StringComparison.Ordinal);
        }

        // Generated from the option's default value, in the same words as the ones the options write themselves.
        var generate = Flat(Sithsynth.Run("generate", "--help").Out);
        Assert.Contains("(default out)", generate, StringComparison.Ordinal);
        Assert.Contains("(default leadsheet)", generate, StringComparison.Ordinal);
        Assert.Contains("(default 16)", generate, StringComparison.Ordinal);
        var serve = Flat(Sithsynth.Run("serve", "--help").Out);
        Assert.Contains("(default SithSynthServe)", serve, StringComparison.Ordinal);
        Assert.Equal(3, serve.Split("(default 60)").Length); // --link-minutes and --budget-window, each once
    }

    // Help wraps long descriptions; the words are what count.
    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
