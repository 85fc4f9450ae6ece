using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace SithSynth.Functions.Tests;

/// <summary>
/// The worker's host built exactly as Program builds it, with settings given here instead of by the Functions host.
/// Building needs no network and no Functions host; it is never started.
/// </summary>
internal static class AppHost
{
    /// <summary>Azurite's well-known development account: enough to construct the Blob client and sign with its key.</summary>
    public const string Azurite = "UseDevelopmentStorage=true";

    /// <summary>What the Functions host passes a worker it starts; the gRPC client is only constructed, never connected.</summary>
    private static readonly Dictionary<string, string?> FromTheHost = new()
    {
        ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
        ["Functions:Worker:WorkerId"] = "tests",
        ["Functions:Worker:RequestId"] = "tests",
        ["Functions:Worker:GrpcMaxMessageLength"] = "2147483647",
    };

    public static IHost Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(FromTheHost).AddInMemoryCollection(settings);
        return builder.ConfigureSithSynth().Build();
    }

    public static IHost BuildLocal() => Build(new Dictionary<string, string?>
    {
        ["ArtifactStorage:connectionString"] = Azurite,
        [AppSettings.ModelsDirectory] = FunctionsOutput.PathOf("models"),
    });
}
