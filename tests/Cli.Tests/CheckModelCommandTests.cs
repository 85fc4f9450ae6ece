namespace SithSynth.Cli.Tests;

public class CheckModelCommandTests
{
    [Theory]
    [InlineData("lstm")]
    [InlineData("transformer")]
    public void The_shipped_models_reproduce_their_training_logits_in_onnx_runtime(string model)
    {
        var run = Sithsynth.Run("check-model", Path.Combine(AppContext.BaseDirectory, "models", model));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"{model}: card ok", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_card_is_refused_in_one_line()
    {
        var run = Sithsynth.Run("check-model", Sithsynth.NewFolder());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("there is no model.json", run.Error, StringComparison.Ordinal);
    }
}
