namespace SithSynth.Pipeline.Artifacts;

/// <summary>What checking a signed local link found.</summary>
public enum LinkVerdict
{
    Valid,

    /// <summary>The signature is right but the link's time is up.</summary>
    Expired,

    /// <summary>Missing, malformed or wrong signature: the link was not issued by this host for this file.</summary>
    Forged,
}
