using System.Reflection;
using System.Text.Json.Nodes;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions.Tests;

/// <summary>
/// The functions the Functions host will index, read from the functions.metadata the build wrote: names, triggers,
/// routes and methods as the API and the orchestrator expect them.
/// </summary>
public sealed class FunctionMetadataTests
{
    /// <summary>The HTTP API: function name, method, route under the <c>api</c> prefix, and whether it needs the Durable client.</summary>
    public static TheoryData<string, string, string, bool> HttpApi => new()
    {
        { HttpFunctions.StartGenerationName, "post", "generations", true },
        { HttpFunctions.GetGenerationName, "get", "generations/{id}", true },
        { HttpFunctions.CancelGenerationName, "delete", "generations/{id}", true },
        { HttpFunctions.ListModelsName, "get", "models", false },
        { HttpFunctions.HealthName, "get", "health", false },
        { HttpFunctions.OpenApiName, "get", "openapi.json", false },
    };

    public static IReadOnlyList<string> TaskNames { get; } = typeof(PipelineTasks)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public static TheoryData<string> Activities => [.. TaskNames.Where(n => n != PipelineTasks.Generation)];

    [Fact]
    public void Every_route_the_OpenAPI_document_describes_is_an_http_function_and_nothing_else()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Pipeline", "Contract", "openapi.json")))!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(p => p.Key).Where(m => m != "parameters").Select(m => $"{m} {path.Key}"))
            .Order(StringComparer.Ordinal);
        var functions = HttpApi.Select(row => $"{row[1]} /api/{row[2]}").Order(StringComparer.Ordinal);
        Assert.Equal(documented, functions);
    }

    [Theory]
    [MemberData(nameof(HttpApi))]
    public void Http_function_has_its_route_method_and_anonymous_access(string name, string method, string route, bool durableClient)
    {
        var function = FunctionsOutput.Function(name);
        var trigger = FunctionsOutput.Trigger(function);

        Assert.Equal("httpTrigger", (string?)trigger["type"]);
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => ((string?)m)!.ToLowerInvariant()));
        Assert.Equal("Anonymous", (string?)trigger["authLevel"]);
        Assert.Contains(FunctionsOutput.Bindings(function), b => (string?)b["type"] == "http" && (string?)b["direction"] == "Out" && (string?)b["name"] == "$return");
        Assert.Equal(durableClient, FunctionsOutput.Bindings(function).Any(b => (string?)b["type"] == "durableClient"));
    }

    [Fact]
    public void Orchestration_is_bound_under_the_name_clients_schedule()
    {
        var trigger = FunctionsOutput.Trigger(FunctionsOutput.Function(PipelineTasks.Generation));

        Assert.Equal("orchestrationTrigger", (string?)trigger["type"]);
        Assert.Equal("In", (string?)trigger["direction"]);
    }

    [Theory]
    [MemberData(nameof(Activities))]
    public void Activity_is_bound_under_the_name_the_orchestrator_calls(string name)
    {
        var trigger = FunctionsOutput.Trigger(FunctionsOutput.Function(name));

        Assert.Equal("activityTrigger", (string?)trigger["type"]);
        Assert.Equal("In", (string?)trigger["direction"]);
    }

    [Fact]
    public void Every_pipeline_task_has_exactly_one_function()
    {
        var names = FunctionsOutput.Functions().Select(f => (string)f["name"]!).ToList();

        Assert.Equal(7, TaskNames.Count);
        Assert.All(TaskNames, task => Assert.Single(names, n => n == task));
    }

    [Fact]
    public void The_leftover_sweep_runs_on_a_timer_with_the_durable_client()
    {
        var function = FunctionsOutput.Function(HousekeepingFunctions.SweepLeftoversName);
        var trigger = FunctionsOutput.Trigger(function);

        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal(HousekeepingFunctions.SweepSchedule, (string?)trigger["schedule"]);
        Assert.Contains(FunctionsOutput.Bindings(function), b => (string?)b["type"] == "durableClient");
    }

    [Fact]
    public void The_app_has_only_the_functions_listed_here()
    {
        var expected = TaskNames.Concat(HttpApi.Select(row => (string)row[0])).Append(HousekeepingFunctions.SweepLeftoversName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, FunctionsOutput.Functions().Select(f => (string)f["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_two_functions_answer_the_same_method_and_route()
    {
        var routes = FunctionsOutput.Functions()
            .Select(FunctionsOutput.Trigger)
            .Where(t => (string?)t["type"] == "httpTrigger")
            .SelectMany(t => t["methods"]!.AsArray().Select(m => $"{((string?)m)!.ToUpperInvariant()} {(string?)t["route"]}"))
            .ToList();

        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_entry_point_is_a_method_of_the_built_app()
    {
        var assembly = typeof(HttpFunctions).Assembly;
        Assert.All(FunctionsOutput.Functions(), function =>
        {
            Assert.Equal(Path.GetFileName(assembly.Location), (string?)function["scriptFile"]);
            Assert.Equal("dotnet-isolated", (string?)function["language"]);
            var entryPoint = (string)function["entryPoint"]!;
            var split = entryPoint.LastIndexOf('.');
            var type = assembly.GetType(entryPoint[..split], throwOnError: true)!;
            Assert.NotNull(type.GetMethod(entryPoint[(split + 1)..]));
        });
    }

    [Fact]
    public void Output_has_what_the_host_loads_beside_the_app()
    {
        // The host reads host.json and the worker config, loads the Durable extension, and the app loads the models.
        Assert.True(File.Exists(FunctionsOutput.PathOf("host.json")));
        Assert.True(File.Exists(FunctionsOutput.PathOf("worker.config.json")));
        var extensions = JsonNode.Parse(File.ReadAllText(FunctionsOutput.PathOf("extensions.json")))!["extensions"]!.AsArray();
        Assert.Contains(extensions, e => (string?)e!["name"] == "DurableTask");
        Assert.True(File.Exists(FunctionsOutput.PathOf(Path.Combine("models", "transformer", "model.json"))));
        Assert.True(File.Exists(FunctionsOutput.PathOf(Path.Combine("models", "lstm", "model.json"))));
    }
}
