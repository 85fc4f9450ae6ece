using System.Security.Cryptography;
using SithSynth.Pipeline.Access;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Handlers;
using SithSynth.Pipeline.Tests.Handlers;

namespace SithSynth.Pipeline.Tests.Access;

/// <summary>API keys through the POST handler both hosts share: a key raises the limits, a wrong or revoked one is 401, and no secret is ever stored.</summary>
public sealed class ApiKeyTests(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task A_key_raises_the_callers_limit_past_the_anonymous_one()
    {
        var (handler, ring) = Handler();
        var (_, key) = await ring.IssueAsync("test client");

        var anonymous = await handler.HandleAsync(ApiFixture.Post("""{"bars":8,"variations":3}"""));
        var keyed = await handler.HandleAsync(WithBearer(ApiFixture.Post("""{"bars":8,"variations":3}"""), key.ToString()));
        var byHeader = ApiFixture.Post("""{"bars":8}""");
        byHeader.Headers[ApiKeyRing.HeaderName] = key.ToString();

        Assert.Equal(429, anonymous.Status);
        Assert.Equal(202, keyed.Status);
        Assert.StartsWith("\"client\";q=64;w=60", keyed.Headers["RateLimit-Policy"], StringComparison.Ordinal);
        Assert.Equal(202, (await handler.HandleAsync(byHeader)).Status);
    }

    [Theory]
    [InlineData("Bearer ssk.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // well formed, never issued
    [InlineData("Bearer not-a-key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_wrong_key_is_401_with_a_bearer_challenge_and_nothing_is_scheduled(string authorization)
    {
        var (handler, _) = Handler();
        var request = ApiFixture.Post("""{"bars":8}""");
        request.Headers.Authorization = authorization;

        var response = await handler.HandleAsync(request);

        Assert.Equal(401, response.Status);
        Assert.Equal("urn:sithsynth:problem:invalid-api-key", ApiFixture.Json(response).GetProperty("type").GetString());
        Assert.StartsWith("Bearer realm=\"sithsynth\", error=\"invalid_token\"", response.Headers["WWW-Authenticate"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_with_the_right_id_and_a_wrong_secret_is_401()
    {
        var (handler, ring) = Handler();
        var (_, key) = await ring.IssueAsync("test client");
        var forged = new ApiKeyToken(key.Id, RandomNumberGenerator.GetBytes(ApiKeyToken.SecretBytes));

        Assert.Equal(401, (await handler.HandleAsync(WithBearer(ApiFixture.Post("""{"bars":8}"""), forged.ToString()))).Status);
    }

    [Fact]
    public async Task A_revoked_key_is_401_once_the_remembered_entry_is_stale()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var (handler, ring) = Handler(clock);
        var (entry, key) = await ring.IssueAsync("leaked");
        Assert.Equal(202, (await handler.HandleAsync(WithBearer(ApiFixture.Post("""{"bars":8}"""), key.ToString()))).Status);

        var revoked = await ring.RevokeAsync(entry.Id);
        clock.Now += ApiKeyRing.Freshness;
        var response = await handler.HandleAsync(WithBearer(ApiFixture.Post("""{"bars":8}"""), key.ToString()));

        Assert.True(revoked!.Revoked);
        Assert.Equal(401, response.Status);
        Assert.Contains("revoked", ApiFixture.Json(response).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True((await ring.Store.ListAsync()).Single().Revoked);
    }

    [Fact]
    public async Task Only_the_sha256_of_the_secret_is_stored_never_the_key()
    {
        var (_, ring) = Handler();
        var (entry, key) = await ring.IssueAsync("ci");

        var stored = string.Concat(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        var secret = key.ToString().Split('.')[2];

        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key.Secret), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(key.Secret), stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(key.Secret)), stored, StringComparison.Ordinal);
        Assert.Equal(entry.Sha256, ApiKeyToken.Parse(key.ToString())!.Sha256);
        Assert.Equal(256, key.Secret.Length * 8);
    }

    public void Dispose() => _folder.Dispose();

    private (StartGenerationHandler Handler, ApiKeyRing Ring) Handler(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var ring = new ApiKeyRing(new FolderApiKeyStore(Path.Combine(_folder.Path, "keys")), clock);
        var settings = new AdmissionSettings { ClientBudget = 16, ClientInFlight = 0, KeyBudget = 64, KeyInFlight = 0, GlobalBudget = 0 };
        var admission = new AdmissionControl(settings, new InMemoryAdmissionLedger(), clock, ring);
        return (new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, api.Idempotency, admission), ring);
    }

    private static Microsoft.AspNetCore.Http.HttpRequest WithBearer(Microsoft.AspNetCore.Http.HttpRequest request, string key)
    {
        request.Headers.Authorization = "Bearer " + key;
        return request;
    }
}
