using SithSynth.Pipeline.Admission;

namespace SithSynth.Functions.Tests;

/// <summary>The budgets the app enforces, as the sample, the Bicep template and the binder spell them.</summary>
public sealed class AdmissionSettingsTests
{
    [Fact]
    public void The_sample_lists_every_admission_setting_and_reads_as_the_defaults()
    {
        var sample = KnownSettings.Sample();
        Assert.All(KnownSettings.Admission, name => Assert.True(sample.ContainsKey(name), $"local.settings.sample.json lacks {name}."));

        var settings = PipelineServices.Admission(KnownSettings.Configuration(sample));

        Assert.Equal(AdmissionSettings.DefaultClientBudget, settings.ClientBudget);
        Assert.Equal(AdmissionSettings.DefaultGlobalBudget, settings.GlobalBudget);
        Assert.Equal(AdmissionSettings.DefaultWindow, settings.Window);
        Assert.Equal(AdmissionSettings.DefaultContainerName, settings.ContainerName);
    }

    [Fact]
    public void Bicep_sets_the_budgets_and_the_counters_container()
    {
        var bicep = KnownSettings.Bicep();

        Assert.Contains("Admission__clientBudget", bicep);
        Assert.Contains("Admission__globalBudget", bicep);
        Assert.Contains("Admission__containerName", bicep);
    }

    [Fact]
    public void A_budget_that_cannot_work_stops_the_app_with_the_setting_named()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => PipelineServices.Admission(KnownSettings.Configuration(new Dictionary<string, string>
        {
            ["Admission__clientBudget"] = "-1",
        })));

        Assert.StartsWith("Admission: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admission_builds_on_the_artifacts_accounts_identity_settings_with_the_configured_budget()
    {
        var admission = PipelineServices.AdmissionControl(KnownSettings.Configuration(new Dictionary<string, string>
        {
            ["ArtifactStorage__blobServiceUri"] = "https://stssartdevexample.blob.core.windows.net/",
            ["Admission__clientBudget"] = "100",
        }), TimeProvider.System);

        Assert.Equal(100, admission.Settings.ClientBudget);
    }
}
