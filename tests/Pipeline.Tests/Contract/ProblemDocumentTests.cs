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

    [Fact]
    public void A_64_KiB_body_of_unknown_fields_gets_a_problem_of_bounded_size()
    {
        var body = new System.Text.StringBuilder("{");
        for (var i = 0; body.Length < 64 * 1024 - 100; i++)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"unknown{i}\":1,");
        }

        body.Append($"\"{new string('x', 5000)}\":1,\"bars\":\"x\",\"bars\":\"y\",\"bars\":\"z\",\"bars\":\"w\"}}");
        var reading = GenerationRequestJson.Read(System.Text.Encoding.UTF8.GetBytes(body.ToString()));

        var bytes = ApiResponse.Problem(ProblemDocument.InvalidRequest(reading.Problems, "/api/generations")).BodyBytes();

        Assert.True(reading.Problems.Count > 4000);
        Assert.InRange(bytes.Length, 1, 8 * 1024);
        using var json = JsonDocument.Parse(bytes);
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(ProblemDocument.MaxListedFields, errors.EnumerateObject().Count());
        Assert.All(errors.EnumerateObject(), e => Assert.InRange(e.Name.Length, 1, ProblemDocument.MaxFieldNameLength));
        Assert.Contains($"and {reading.Problems.Select(p => p.Field).Distinct().Count() - ProblemDocument.MaxListedFields} more not listed", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_named_many_times_lists_a_few_of_its_messages()
    {
        var problem = ProblemDocument.InvalidRequest(Enumerable.Range(0, 50).Select(i => new RequestProblem("bars", $"Wrong {i}.")));

        Assert.Equal(ProblemDocument.MaxMessagesPerField, problem.Errors!["bars"].Count);
    }
}
