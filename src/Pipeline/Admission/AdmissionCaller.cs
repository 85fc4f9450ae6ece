using System.Security.Cryptography;
using System.Text;

namespace SithSynth.Pipeline.Admission;

/// <summary>
/// Who spends: an anonymous caller by its address, under the stricter limits, or the holder of an API key (by the key's
/// id), under the key limits. Buckets never hold an address, only a hash of it.
/// </summary>
public sealed record AdmissionCaller(string Name, bool HasKey)
{
    public static AdmissionCaller Anonymous(string address) => new(address, false);

    public static AdmissionCaller Key(string keyId) => new(keyId, true);

    internal string Bucket => HasKey
        ? "key-" + Name
        : "client-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sithsynth admission " + Name)))[..32];
}
