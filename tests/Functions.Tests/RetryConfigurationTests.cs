using Microsoft.Extensions.Configuration;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions.Tests;

public sealed class RetryConfigurationTests
{
    private static RetrySettings Read(params (string Key, string Value)[] settings) =>
        RetryConfiguration.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void No_setting_means_the_pipeline_default()
    {
        Assert.Equal(RetrySettings.Default, Read());
        Assert.Equal(RetrySettings.Default, Read((AppSettings.RetryMaxAttempts, ""), (AppSettings.RetryFirstInterval, " ")));
    }

    [Fact]
    public void Each_setting_overrides_its_part_only()
    {
        Assert.Equal(
            new RetrySettings(6, TimeSpan.FromSeconds(5), 1.5),
            Read((AppSettings.RetryMaxAttempts, "6"), (AppSettings.RetryFirstInterval, "00:00:05"), (AppSettings.RetryBackoffCoefficient, "1.5")));
        Assert.Equal(RetrySettings.Default with { MaxAttempts = 1 }, Read((AppSettings.RetryMaxAttempts, "1")));
    }

    [Theory]
    [InlineData(AppSettings.RetryMaxAttempts, "0")]
    [InlineData(AppSettings.RetryMaxAttempts, "four")]
    [InlineData(AppSettings.RetryFirstInterval, "00:00:00")]
    [InlineData(AppSettings.RetryFirstInterval, "soon")]
    [InlineData(AppSettings.RetryBackoffCoefficient, "0.5")]
    public void A_setting_that_cannot_work_stops_the_app_naming_it(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read((key, value)));

        Assert.Contains("Retry", error.Message, StringComparison.Ordinal);
    }
}
