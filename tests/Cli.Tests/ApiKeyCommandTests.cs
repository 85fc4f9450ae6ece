using System.Security.Cryptography;

namespace SithSynth.Cli.Tests;

/// <summary><c>sithsynth api-key</c> against serve's folder: a key is printed once, only its hash is kept, and revoke marks it.</summary>
public sealed class ApiKeyCommandTests
{
    [Fact]
    public void Issue_prints_a_key_once_keeps_only_its_hash_and_list_and_revoke_see_it()
    {
        var artifacts = Sithsynth.NewFolder();

        var issued = Sithsynth.Run("api-key", "issue", "--label", "ci bot", "--artifacts", artifacts);
        Assert.Equal(0, issued.ExitCode);
        var key = issued.Out.Trim();
        Assert.Matches("^ssk\\.[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}$", key);
        var id = key.Split('.')[1];

        var stored = File.ReadAllText(Path.Combine(artifacts, ".api-keys", id + ".json"));
        var secret = System.Buffers.Text.Base64Url.DecodeFromChars(key.Split('.')[2]);
        Assert.DoesNotContain(key.Split('.')[2], stored, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(secret)), stored, StringComparison.Ordinal);

        var listed = Sithsynth.Run("api-key", "list", "--artifacts", artifacts);
        Assert.Contains($"{id}  issued ", listed.Out, StringComparison.Ordinal);
        Assert.Contains("active  ci bot", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('.')[2], listed.Out + listed.Error, StringComparison.Ordinal);

        Assert.Equal(0, Sithsynth.Run("api-key", "revoke", id, "--artifacts", artifacts).ExitCode);
        Assert.Contains(" revoked ", Sithsynth.Run("api-key", "list", "--artifacts", artifacts).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoking_an_unknown_key_is_one_line_and_exit_1()
    {
        var run = Sithsynth.Run("api-key", "revoke", "0123456789abcdef", "--artifacts", Sithsynth.NewFolder());

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("no key 0123456789abcdef", run.Error, StringComparison.Ordinal);
    }
}
