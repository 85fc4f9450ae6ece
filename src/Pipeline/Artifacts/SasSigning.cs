namespace SithSynth.Pipeline.Artifacts;

/// <summary>How Blob Storage links are signed.</summary>
public enum SasSigning
{
    /// <summary>With the account key: Azurite, or an account that still allows shared keys.</summary>
    AccountKey,

    /// <summary>
    /// With a user delegation key obtained through the app's Entra identity: Azure, where the artifact account has
    /// shared-key access disabled. Revoking the identity's role revokes every link it signed.
    /// </summary>
    UserDelegation,
}
