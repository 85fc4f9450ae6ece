using Azure.Identity;

namespace SithSynth.Functions.Tests;

public sealed class TelemetryAuthenticationTests
{
    [Theory]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD")]
    [InlineData("Authorization=aad; ClientId=00000000-0000-0000-0000-000000000001")]
    [InlineData("Authorization=AAD")]
    public void Entra_id_authentication_signs_in_as_a_managed_identity(string authentication)
    {
        Assert.IsType<ManagedIdentityCredential>(TelemetryAuthentication.Credential(authentication));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001")]
    [InlineData("Authorization=Key")]
    public void Anything_else_sends_telemetry_without_a_credential(string? authentication)
    {
        Assert.Null(TelemetryAuthentication.Credential(authentication));
    }
}
