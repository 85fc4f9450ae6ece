using Microsoft.AspNetCore.Http;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Handlers;

namespace SithSynth.Pipeline.Tests.Handlers;

public sealed class CatalogHandlerTests
{
    [Fact]
    public void Models_lists_each_shipped_model_with_its_card()
    {
        var response = new ModelsHandler(ShippedModels.Catalog).Handle();

        Assert.Equal(200, response.Status);
        var models = ApiFixture.Json(response).GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["lstm", "transformer"], models.Select(m => m.GetProperty("name").GetString()));
        Assert.All(models, m =>
        {
            Assert.Equal(8, m.GetProperty("minBars").GetInt32());
            Assert.True(m.GetProperty("maxBars").GetInt32() >= 16);
            Assert.Contains("4/4", m.GetProperty("timeSignatures").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(System.Text.Json.JsonValueKind.Object, m.GetProperty("training").ValueKind);
        });
    }

    [Fact]
    public void Each_shipped_model_has_a_summary_in_plain_words_beside_its_engineering_description()
    {
        var models = ApiFixture.Json(new ModelsHandler(ShippedModels.Catalog).Handle()).GetProperty("models").EnumerateArray().ToList();

        Assert.All(models, m =>
        {
            var summary = m.GetProperty("summary").GetString()!;
            Assert.InRange(summary.Length, 20, 160);
            // What the web client shows a musician: none of the description's architecture terms.
            Assert.DoesNotMatch(@"(?i)layer|encoder|decoder|\bd=|heads|parameters|embedding|pre-norm|causal|lstm|transformer", summary);
            Assert.Contains("layer", m.GetProperty("description").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Health_is_ok_with_a_version_and_the_model_count()
    {
        var body = ApiFixture.Json(new HealthHandler(ShippedModels.Catalog).Handle());

        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
        Assert.Equal(2, body.GetProperty("models").GetInt32());
    }

    [Fact]
    public void Health_is_503_without_models()
    {
        using var folder = new TemporaryFolder();
        using var empty = SithSynth.Domain.Models.ModelCatalog.Load(folder.Path);

        Assert.Equal(503, new HealthHandler(empty).Handle().Status);
    }

    [Fact]
    public async Task A_response_writes_its_status_headers_and_json_body_to_the_http_response()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var response = ApiResponse.Problem(ProblemDocument.NotFound("x"), new Dictionary<string, string> { ["Cache-Control"] = "no-store" });

        await response.ExecuteAsync(context);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(response.BodyBytes(), ((MemoryStream)context.Response.Body).ToArray());
    }
}
