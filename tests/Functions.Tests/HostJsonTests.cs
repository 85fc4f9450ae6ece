using System.Text.Json;
using System.Text.RegularExpressions;

namespace SithSynth.Functions.Tests;

/// <summary>host.json at the repository root, as the build copies it beside the app.</summary>
public sealed partial class HostJsonTests
{
    private static JsonElement Root { get; } = FunctionsOutput.ParseStrict(Path.Combine(RepositoryRoot.Path, "host.json")).RootElement;

    [Fact]
    public void The_copy_beside_the_app_is_the_repository_file()
    {
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")),
            File.ReadAllText(FunctionsOutput.PathOf("host.json")));
    }

    [Fact]
    public void Is_a_version_2_host_with_the_api_route_prefix()
    {
        Assert.Equal("2.0", Root.GetProperty("version").GetString());
        Assert.Equal("api", Root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Names_a_valid_task_hub()
    {
        // Azure Storage task hub names: 3 to 45 letters and digits, starting with a letter (they become queue and table names).
        var hub = Root.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString()!;

        Assert.Matches(TaskHubName(), hub);
    }

    [Fact]
    public void Has_no_extension_bundle()
    {
        // A .NET isolated app ships its extensions (the build's .azurefunctions folder); a bundle would be a second source.
        Assert.False(Root.TryGetProperty("extensionBundle", out _));
    }

    [Fact]
    public void Logs_information_from_the_app_and_keeps_the_durable_engine_quiet()
    {
        var levels = Root.GetProperty("logging").GetProperty("logLevel");

        Assert.Equal("Information", levels.GetProperty("default").GetString());
        Assert.Equal("Information", levels.GetProperty("Function").GetString());
        Assert.Equal("Warning", levels.GetProperty("DurableTask.Core").GetString());
    }

    [Fact]
    public void Messages_a_crashed_instance_held_come_back_within_30_seconds_not_5_minutes()
    {
        // A killed worker's queue messages stay invisible until their visibility timeout ends (5 minutes by default, the
        // 300-330 s waits the kill test saw). 30 s is what serve uses on --storage, where the kill test sees every generation
        // finish within a minute of the restart. Orchestrator episodes take milliseconds and an activity seconds; one
        // delivered twice writes the same bytes again (its seed is fixed, each blob is written whole).
        var storage = Root.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");

        foreach (var name in new[] { "controlQueueVisibilityTimeout", "workItemQueueVisibilityTimeout" })
        {
            var timeout = TimeSpan.Parse(storage.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(timeout, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
