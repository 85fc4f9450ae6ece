using System.Net;
using System.Net.Sockets;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>serve refuses what it cannot do in one line and a non-zero exit, before or instead of listening.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--urls", "https://localhost:5001")]
    [InlineData("--urls", "not a url")]
    [InlineData("--urls", "http://example.com:80")]
    [InlineData("--link-minutes", "0")]
    public void Options_it_cannot_honour_are_usage_errors(string option, string value)
    {
        var outcome = Sithsynth.Run("serve", option, value, "--artifacts", Sithsynth.NewFolder());
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"sithsynth: {option}:", outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void An_artifacts_folder_it_cannot_make_is_an_environment_error_in_one_line()
    {
        var file = Path.Combine(Sithsynth.NewFolder(), "not-a-folder");
        File.WriteAllText(file, "");
        var outcome = Sithsynth.Run("serve", "--artifacts", file, "--urls", $"http://127.0.0.1:{FreePort.Next()}");
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("sithsynth: --artifacts:", outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_web_folder_without_a_built_client_is_refused()
    {
        var outcome = Sithsynth.Run("serve", "--web", Sithsynth.NewFolder());
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("index.html", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_it_cannot_reach_is_an_environment_error_in_one_line()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var endpoint = $"http://127.0.0.1:{port}/devstoreaccount1";
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint={endpoint};QueueEndpoint={endpoint};TableEndpoint={endpoint};";

        var outcome = Sithsynth.Run("serve", "--storage", connection, "--urls", $"http://127.0.0.1:{FreePort.Next()}");
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("sithsynth: --storage: cannot reach Blob Storage", outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_port_in_use_is_an_environment_error_in_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var outcome = Sithsynth.Run("serve", "--urls", $"http://127.0.0.1:{port}", "--artifacts", Sithsynth.NewFolder());
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("sithsynth: --urls: cannot listen", outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
    }
}
