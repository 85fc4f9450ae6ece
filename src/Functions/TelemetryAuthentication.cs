using Azure.Core;
using Azure.Identity;

namespace SithSynth.Functions;

/// <summary>
/// The identity the worker's telemetry is sent as. The infrastructure disables key-based ingestion in Application
/// Insights and sets <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING=ClientId=…;Authorization=AAD</c>: the Functions host
/// honours that itself, but the worker's Application Insights SDK 2.x only signs in when it is handed a credential.
/// </summary>
public static class TelemetryAuthentication
{
    /// <summary>A managed identity credential when the string asks for Entra ID (AAD), otherwise null (key-based or local).</summary>
    public static TokenCredential? Credential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
