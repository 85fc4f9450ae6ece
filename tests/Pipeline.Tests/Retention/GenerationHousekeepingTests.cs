using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Orchestration;
using SithSynth.Pipeline.Retention;
using SithSynth.Pipeline.Tests.Artifacts;
using SithSynth.Pipeline.Tests.Orchestration;

namespace SithSynth.Pipeline.Tests.Retention;

/// <summary>
/// Canceled and failed generations leave no files that nothing references, in a folder and in Blob Storage (Azurite),
/// and finished generations can be forgotten by the engine: whole orchestrations on the real engine, in memory.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class GenerationHousekeepingTests(Azurite azurite) : IDisposable
{
    private static readonly GenerationRequest TwoVariations = new() { Bars = 8, Variations = 2, Seed = 77, Key = "G" };

    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private readonly TemporaryFolder _folder = new();

    public static TheoryData<string> Stores => ["folder", "blob"];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_generation_canceled_mid_run_leaves_no_files_after_the_sweep(string kind)
    {
        var (store, stored) = await StoreAsync(kind);
        var gated = new GatedArtifactStore(store);
        await using var host = await PipelineHost.StartAsync(gated);

        var id = await StartAsync(host, TwoVariations);
        await gated.Reached.WaitAsync(PipelineHost.Patience);
        await host.Client.TerminateInstanceAsync(id, CancelGenerationHandlerReason);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.WaitAsync(id)).RuntimeStatus);

        // The activities in flight at the cancel still finish and write: this is what the sweep is for.
        gated.Open();
        await gated.SettledAsync(Quiet, PipelineHost.Patience);
        Assert.NotEmpty(await stored(id));

        var report = await new GenerationHousekeeping(host.Client, store).SweepLeftoversAsync(DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(1, report.Generations);
        Assert.True(report.Files > 0, $"deleted {report.Files}");
        Assert.Empty(await stored(id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_generation_that_fails_deletes_what_it_had_stored(string kind)
    {
        var (store, stored) = await StoreAsync(kind);

        // Variation 2's MusicXml cannot be written; variation 1 is complete by then and its files are stored.
        var faulty = new FaultyArtifactStore(store, (name, _) =>
            name.Kind == ArtifactKind.MusicXml && name.Variation == 2 ? new InvalidDataException("The score is not a lead sheet.") : null);
        await using var host = await PipelineHost.StartAsync(faulty);

        var id = await StartAsync(host, TwoVariations);
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, faulty.Attempts(ArtifactName.Of(id, 2, ArtifactKind.MusicXml)));
        Assert.True(faulty.Attempts(ArtifactName.Of(id, 1, ArtifactKind.Midi)) > 0, "variation 1 should have been rendered");
        Assert.Empty(await stored(id));
        Assert.Equal(new GenerationFailure(PipelineStage.Rendering, 2, typeof(InvalidDataException).FullName!, "The score is not a lead sheet."),
            done.ReadCustomStatusAs<GenerationProgress>()!.Error);
    }

    [Fact]
    public async Task The_sweep_never_touches_a_completed_generation_or_one_still_running()
    {
        var (store, stored) = await StoreAsync("folder");
        await using var host = await PipelineHost.StartAsync(store);
        var completed = await StartAsync(host, TwoVariations with { Variations = 1 });
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.WaitAsync(completed)).RuntimeStatus);
        var files = await stored(completed);

        var report = await new GenerationHousekeeping(host.Client, store).SweepLeftoversAsync(DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(new HousekeepingReport(0, 0), report);
        Assert.Equal(files, await stored(completed));
    }

    [Fact]
    public async Task Finished_generations_are_purged_after_their_age_failed_ones_later_and_a_completed_ones_files_stay()
    {
        var (store, stored) = await StoreAsync("folder");
        await using var host = await PipelineHost.StartAsync(store);
        var completed = await StartAsync(host, TwoVariations with { Variations = 1 });
        var invalid = await StartAsync(host, new GenerationRequest { Bars = 2, Model = "nonesuch" });
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.WaitAsync(completed)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await host.WaitAsync(invalid)).RuntimeStatus);
        var housekeeping = new GenerationHousekeeping(host.Client, store);

        // Not old enough yet: nothing goes.
        Assert.Equal(new HousekeepingReport(0, 0), await housekeeping.PurgeFinishedAsync(DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.NotNull(await host.Client.GetInstanceAsync(completed));

        // The completed one goes at its age; the failed one waits out the settling time, for late writes to be swept.
        Assert.Equal(new HousekeepingReport(1, 0), await housekeeping.PurgeFinishedAsync(DateTimeOffset.UtcNow));
        Assert.Null(await host.Client.GetInstanceAsync(completed));
        Assert.NotNull(await host.Client.GetInstanceAsync(invalid));

        Assert.Equal(new HousekeepingReport(1, 0), await housekeeping.PurgeFinishedAsync(DateTimeOffset.UtcNow + GenerationHousekeeping.LeftoverSettle));
        Assert.Null(await host.Client.GetInstanceAsync(invalid));
        Assert.Empty(await host.Client.GetAllInstancesAsync(new OrchestrationQuery()).ToListAsync());
        Assert.NotEmpty(await stored(completed));
    }

    private const string CancelGenerationHandlerReason = SithSynth.Pipeline.Handlers.CancelGenerationHandler.CancelReason;

    private static Task<string> StartAsync(PipelineHost host, GenerationRequest request) =>
        host.Client.ScheduleNewOrchestrationInstanceAsync(PipelineTasks.Generation, new GenerationInput(request, RequestFingerprint.Of(request)));

    /// <summary>A real store of the kind named, and a way to list every name stored under a generation's id in it.</summary>
    private async Task<(IArtifactStore Store, Func<string, Task<List<string>>> Stored)> StoreAsync(string kind)
    {
        if (kind == "folder")
        {
            var local = new LocalFolderArtifactStore(_folder.Path, "/api/files", LinkSigner.WithNewKey(), TimeSpan.FromHours(1), TimeProvider.System);
            return (local, id =>
            {
                var folder = Path.Combine(local.Folder, id);
                return Task.FromResult(Directory.Exists(folder)
                    ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(local.Folder, f)).Order().ToList()
                    : []);
            });
        }

        var service = new BlobServiceClient(azurite.ConnectionString, azurite.ClientOptions);
        var container = service.GetBlobContainerClient("t" + Guid.NewGuid().ToString("N"));
        await container.CreateAsync();
        var blob = new BlobArtifactStore(service, container.Name, SasSigning.AccountKey, ArtifactStorageSettings.DefaultLinkLifetime, TimeProvider.System);
        return (blob, async id =>
        {
            var names = new List<string>();
            await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, id + "/", CancellationToken.None))
            {
                names.Add(item.Name);
            }

            return names;
        });
    }
}
