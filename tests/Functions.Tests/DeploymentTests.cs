using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SithSynth.Functions.Tests;

/// <summary>What deploys the app names this project and the runtime it is built for.</summary>
public sealed partial class DeploymentTests
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([RepositoryRoot.Path, .. path]));

    [Fact]
    public void The_deploy_workflow_publishes_this_project_with_only_the_linux_onnx_runtime()
    {
        var workflow = Read(".github", "workflows", "deploy.yml");

        var publish = Assert.Single(PublishCommand().Matches(workflow)).Value;
        Assert.Contains("src/Functions/SithSynth.Functions.csproj", publish, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Contains("-p:OnnxRuntimePlatforms=linux-x64", publish, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "src", "Functions", "SithSynth.Functions.csproj")));
    }

    [Fact]
    public void Azd_deploys_this_project_as_a_function_app()
    {
        var azure = Read("azure.yaml");

        Assert.Contains("project: ./src/Functions", azure, StringComparison.Ordinal);
        Assert.Contains("host: function", azure, StringComparison.Ordinal);
    }

    [Fact]
    public void Bicep_runs_the_isolated_worker_on_the_net_version_the_app_targets()
    {
        var template = Read("infra", "bicep", "modules", "function-app.bicep");
        var runtime = JsonNode.Parse(File.ReadAllText(FunctionsOutput.PathOf("SithSynth.Functions.runtimeconfig.json")))!;
        var framework = (string)runtime["runtimeOptions"]!["tfm"]!;

        Assert.Contains("name: 'dotnet-isolated'", template, StringComparison.Ordinal);
        Assert.Equal($"net{RuntimeVersion().Match(template).Groups["version"].Value}", framework);
    }

    [GeneratedRegex(@"dotnet publish [^\r\n]+")]
    private static partial Regex PublishCommand();

    [GeneratedRegex(@"name: 'dotnet-isolated'\s*\r?\n\s*version: '(?<version>[0-9.]+)'")]
    private static partial Regex RuntimeVersion();
}
