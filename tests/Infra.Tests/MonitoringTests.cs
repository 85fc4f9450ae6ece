namespace SithSynth.Infra.Tests;

/// <summary>Telemetry is accepted only from Entra ID callers: local (instrumentation-key) auth is off.</summary>
public sealed class MonitoringTests
{
    [Fact]
    public void Application_insights_disables_local_auth_and_uses_the_workspace()
    {
        var component = Assert.Single(CompiledTemplate.OfType("Microsoft.Insights/components"));

        Assert.True(component.Properties["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", component.Properties["WorkspaceResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_workspace_disables_local_auth()
    {
        var workspace = Assert.Single(CompiledTemplate.OfType("Microsoft.OperationalInsights/workspaces"));

        Assert.True(workspace.At("properties.features.disableLocalAuth")!.GetValue<bool>());
    }
}
