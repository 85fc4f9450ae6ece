using Microsoft.DurableTask;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Orchestration;

public sealed class RetrySettingsTests
{
    [Theory]
    [InlineData(typeof(IOException), true)]
    [InlineData(typeof(TimeoutException), true)]
    [InlineData(typeof(HttpRequestException), true)]
    [InlineData(typeof(InvalidDataException), false)]
    [InlineData(typeof(ModelCardException), false)]
    [InlineData(typeof(ArgumentException), false)]
    [InlineData(typeof(FormatException), false)]
    public void Only_failures_a_retry_might_fix_are_retried(Type exception, bool transient)
    {
        Assert.Equal(transient, RetrySettings.IsTransient(new TaskFailureDetails(exception.FullName!, "message", null, null, null)));
    }

    [Fact]
    public void The_task_options_carry_the_policy()
    {
        var policy = new RetrySettings(5, TimeSpan.FromSeconds(3), 1.5).ToTaskOptions().Retry!.Policy!;

        Assert.Equal((5, TimeSpan.FromSeconds(3), 1.5), (policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient));
    }
}
