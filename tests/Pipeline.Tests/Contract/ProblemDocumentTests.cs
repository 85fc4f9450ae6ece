using System.Text.Json;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Tests.Contract;

public sealed class ProblemDocumentTests
{
    [Fact]
    public void An_invalid_request_lists_every_field_with_all_its_messages_in_rfc_9457_shape()
    {
        var problem = ProblemDocument.InvalidRequest(
            [new RequestProblem("bars", "Too many."), new RequestProblem("key", "Not a key."), new RequestProblem("bars", "Still too many.")],
            "/api/generations");

        using var json = JsonDocument.Parse(ApiResponse.Problem(problem).BodyBytes());
        var root = json.RootElement;

        Assert.Equal(400, root.GetProperty("status").GetInt32());
        Assert.Equal("urn:sithsynth:problem:invalid-request", root.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.Contains("bars, key", root.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/generations", root.GetProperty("instance").GetString());
        Assert.Equal(["Too many.", "Still too many."], root.GetProperty("errors").GetProperty("bars").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Not a key."], root.GetProperty("errors").GetProperty("key").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_problem_goes_out_as_application_problem_json()
    {
        Assert.StartsWith("application/problem+json", ApiResponse.Problem(ProblemDocument.NotFound("x")).ContentType, StringComparison.Ordinal);
    }
}
