using System.Text;
using System.Text.Json;
using Azure.Core;

namespace SithSynth.Pipeline.Tests.Artifacts;

/// <summary>
/// Stands in for the managed identity against Azurite, whose OAuth "basic" mode checks a token's shape, issuer, audience
/// and lifetime but not its signature. The token names a fixed tenant and object id, which the user delegation key
/// (and every SAS it signs) then carries.
/// </summary>
internal sealed class UnsignedEntraToken : TokenCredential
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string ObjectId = "11059fcc-5514-4800-b5f8-49808b9cfab6";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Encode(new { alg = "RS256", typ = "JWT" });
        var claims = Encode(new
        {
            aud = "https://storage.azure.com",
            iss = $"https://sts.windows.net/{TenantId}/",
            iat = now.AddMinutes(-1).ToUnixTimeSeconds(),
            nbf = now.AddMinutes(-1).ToUnixTimeSeconds(),
            exp = now.AddHours(1).ToUnixTimeSeconds(),
            oid = ObjectId,
            tid = TenantId,
        });
        return new AccessToken($"{header}.{claims}.{Base64Url(Encoding.ASCII.GetBytes("unsigned"))}", now.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Encode(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
