using Microsoft.Azure.Functions.Worker;

namespace SithSynth.Functions.Tests;

/// <summary>
/// The parts of a Functions invocation the wrappers read: an invocation id, the W3C trace context and the trigger's
/// binding data (where the Durable extension puts the orchestration's <c>instanceId</c> for an activity).
/// </summary>
internal sealed class TestFunctionContext(string? instanceId, string traceParent) : FunctionContext
{
    public const string SampleTraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => "test";

    public override TraceContext TraceContext { get; } = new Trace(traceParent);

    public override BindingContext BindingContext { get; } = new Bindings(instanceId);

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition => null!;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => null!;

    public static TestFunctionContext For(string? instanceId) => new(instanceId, SampleTraceParent);

    private sealed class Trace(string traceParent) : TraceContext
    {
        public override string TraceParent => traceParent;

        public override string TraceState => string.Empty;
    }

    private sealed class Bindings(string? instanceId) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = instanceId is null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?> { [ActivityFunctions.InstanceIdBindingData] = instanceId };
    }
}
