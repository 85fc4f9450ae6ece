namespace SithSynth.Infra.Tests;

/// <summary>The function app is a Flex Consumption .NET 10 isolated app reachable over HTTPS only.</summary>
public sealed class FunctionAppSecurityTests
{
    private static ArmResource App => Assert.Single(CompiledTemplate.OfType("Microsoft.Web/sites"));

    [Fact]
    public void Https_only_with_tls_1_2_and_no_ftp()
    {
        Assert.True(App.Properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", App.At("properties.siteConfig.minTlsVersion")!.GetValue<string>());
        Assert.Equal("Disabled", App.At("properties.siteConfig.ftpsState")!.GetValue<string>());
    }

    [Fact]
    public void Basic_publishing_credentials_are_off()
    {
        var policies = CompiledTemplate.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.Properties["allow"]!.GetValue<bool>()));
    }

    [Fact]
    public void Runs_on_a_flex_consumption_plan()
    {
        var plan = Assert.Single(CompiledTemplate.OfType("Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", plan.At("sku.name")!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.At("sku.tier")!.GetValue<string>());
        Assert.True(plan.Properties["reserved"]!.GetValue<bool>());
    }

    [Fact]
    public void Runs_the_dotnet_10_isolated_worker()
    {
        Assert.Equal("dotnet-isolated", App.At("properties.functionAppConfig.runtime.name")!.GetValue<string>());
        Assert.Equal("10.0", App.At("properties.functionAppConfig.runtime.version")!.GetValue<string>());
    }

    [Fact]
    public void Runs_as_the_user_assigned_identity_and_reads_its_package_with_it()
    {
        Assert.Equal("UserAssigned", App.At("identity.type")!.GetValue<string>());
        var storage = App.At("properties.functionAppConfig.deployment.storage")!;
        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal("[parameters('identityId')]", storage["authentication"]!["userAssignedIdentityResourceId"]!.GetValue<string>());
    }

    [Fact]
    public void Is_tagged_as_the_azd_service_api()
    {
        Assert.Contains("'azd-service-name', 'api'", App.Text("tags"), StringComparison.Ordinal);
    }
}
