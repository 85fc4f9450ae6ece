namespace SithSynth.Functions.Tests;

public sealed class LogScopeTests
{
    [Fact]
    public void Correlation_id_is_the_trace_id_of_the_traceparent()
    {
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", LogScope.TraceId(TestFunctionContext.SampleTraceParent));
        Assert.Equal("not-a-traceparent", LogScope.TraceId("not-a-traceparent"));
        Assert.Null(LogScope.TraceId(""));
    }

    [Fact]
    public void Fields_name_the_generation_the_invocation_and_the_trace()
    {
        var context = TestFunctionContext.For("abc");

        var fields = LogScope.Fields(context, "abc");

        Assert.Equal("abc", fields[LogScope.GenerationId]);
        Assert.Equal(context.InvocationId, fields[LogScope.InvocationId]);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", fields[LogScope.CorrelationId]);
        Assert.False(LogScope.Fields(context, null).ContainsKey(LogScope.GenerationId));
        Assert.Equal(["GenerationId"], LogScope.Fields(null, "abc").Keys);
    }
}
