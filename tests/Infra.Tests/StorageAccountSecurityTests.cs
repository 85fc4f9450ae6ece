namespace SithSynth.Infra.Tests;

/// <summary>Every storage account accepts Entra ID only, over HTTPS with TLS 1.2+, and serves nothing anonymously.</summary>
public sealed class StorageAccountSecurityTests
{
    private static IReadOnlyList<ArmResource> Accounts => CompiledTemplate.OfType("Microsoft.Storage/storageAccounts");

    [Fact]
    public void Both_accounts_are_checked()
    {
        // The runtime account (host, Durable task hub, deployment package) and the artifacts account.
        Assert.Equal(2, Accounts.Count);
    }

    [Fact]
    public void Shared_key_access_is_off()
    {
        Assert.All(Accounts, a => Assert.False(a.Properties["allowSharedKeyAccess"]!.GetValue<bool>()));
    }

    [Fact]
    public void Public_blob_access_is_off()
    {
        Assert.All(Accounts, a => Assert.False(a.Properties["allowBlobPublicAccess"]!.GetValue<bool>()));
    }

    [Fact]
    public void Tls_is_at_least_1_2()
    {
        Assert.All(Accounts, a => Assert.Equal("TLS1_2", a.Properties["minimumTlsVersion"]!.GetValue<string>()));
    }

    [Fact]
    public void Only_https_is_accepted()
    {
        Assert.All(Accounts, a => Assert.True(a.Properties["supportsHttpsTrafficOnly"]!.GetValue<bool>()));
    }

    [Fact]
    public void Containers_are_private()
    {
        var containers = CompiledTemplate.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal("None", c.Properties["publicAccess"]!.GetValue<string>()));
    }

    [Fact]
    public void No_template_reads_account_keys()
    {
        Assert.DoesNotContain("listKeys", CompiledTemplate.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", CompiledTemplate.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listServiceSas", CompiledTemplate.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", CompiledTemplate.Json, StringComparison.OrdinalIgnoreCase);
    }
}
