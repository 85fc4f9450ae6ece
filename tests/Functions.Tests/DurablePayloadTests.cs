using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions.Tests;

/// <summary>
/// In the Functions app, orchestration and activity inputs and outputs travel through the worker's serializer
/// (<see cref="WorkerOptions.Serializer"/>), not the Durable SDK's default. Every payload the pipeline exchanges must
/// come back the same through it, seeds past 2^53 included.
/// </summary>
public sealed class DurablePayloadTests
{
    private static readonly GenerationRequest Request = new()
    {
        Model = "transformer",
        Temperature = 0.9,
        TopP = 0.95,
        TimeSignature = "6/8",
        Bars = 8,
        Valence = [1, 0, -1, 2, 0, 1, -2, 0],
        Density = ["low", "high"],
        Key = "F#m",
        Tempo = 96,
        Seed = ulong.MaxValue - 1,
        Variations = 2,
    };

    private static readonly AnalysisSummary Analysis = new(0.25, 0.9, 0.1, [1, 0], ["low", "med"], [4, 6]);

    private static readonly GenerationResult Result = new(
        Request,
        [new VariationResult(1, ulong.MaxValue, Analysis, "g/1/leadsheet.mid", "g/1/leadsheet.musicxml", "g/1/leadsheet.json")],
        [new StageTiming(PipelineStage.Validating, 12.5), new StageTiming(PipelineStage.Generating, 301)],
        "g/generation.json");

    public static TheoryData<object> Payloads => new()
    {
        new GenerationInput(Request, "fingerprint"),
        new ValidationOutcome(Request, []),
        new ValidationOutcome(null, [new RequestProblem("bars", "Bars must be 8 to 40.")]),
        new VariationWork("g", Request, 1),
        new WrittenSheet(2, ulong.MaxValue, "g/2/score.json", "g/2/leadsheet.json", Analysis),
        new RenderWork("g/2/score.json"),
        new RecordWork("g", Result),
        Result,
        new GenerationProgress(PipelineStage.Failed, "failed", 0.5, Result.Timings, new GenerationFailure(PipelineStage.Generating, 2, "X", "y")),
    };

    private static readonly Lazy<ObjectSerializer> WorkerSerializer = new(() =>
    {
        using var host = AppHost.BuildLocal();
        return host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;
    });

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payload_round_trips_through_the_worker_serializer(object payload)
    {
        var serializer = WorkerSerializer.Value;
        var type = payload.GetType();

        var json = serializer.Serialize(payload, type)!;
        var back = serializer.Deserialize(json.ToStream(), type, default)!;

        Assert.IsType(type, back);
        Assert.Equal(Canonical(payload), Canonical(back));
    }

    [Fact]
    public void Seeds_keep_every_digit()
    {
        var serializer = WorkerSerializer.Value;

        var back = (GenerationInput)serializer.Deserialize(serializer.Serialize(new GenerationInput(Request, "f"))!.ToStream(), typeof(GenerationInput), default)!;

        Assert.Equal(ulong.MaxValue - 1, back.Request.Seed);
    }

    /// <summary>Records holding lists compare by reference; their JSON compares by value.</summary>
    private static string Canonical(object value) => JsonSerializer.Serialize(value, value.GetType());
}
