using System.Text.Json.Nodes;

namespace SithSynth.Infra.Tests;

/// <summary>Generated lead sheets are deleted after the configurable number of days, and nothing else is.</summary>
public sealed class ArtifactLifecycleTests
{
    [Fact]
    public void The_artifacts_account_deletes_blobs_under_the_generations_container_after_the_retention_parameter()
    {
        var module = CompiledTemplate.Module("artifact-storage");
        var parameters = module.Properties["parameters"]!;

        Assert.Equal("[parameters('artifactRetentionDays')]", parameters["deleteAfterDays"]!["value"]!.GetValue<string>());
        // The rule covers the container the app writes to, and only that container.
        Assert.Equal("generations", CompiledTemplate.Root["variables"]!["artifactContainerName"]!.GetValue<string>());
        Assert.Equal(
            ["[format('{0}/', variables('artifactContainerName'))]", "[format('{0}/', variables('admissionContainerName'))]"],
            parameters["lifecyclePrefixes"]!["value"]!.AsArray().Select(p => p!.GetValue<string>()));
        // The API keys live in the same account (the app's Blob Data Contributor role there covers them) and no rule deletes them.
        Assert.Equal(
            ["[variables('artifactContainerName')]", "[variables('idempotencyContainerName')]", "[variables('admissionContainerName')]", "[variables('apiKeyContainerName')]"],
            parameters["containerNames"]!["value"]!.AsArray().Select(c => c!.GetValue<string>()));

        var policy = CompiledTemplate.ResourcesOf(module.Properties["template"]!.AsObject())
            .Single(r => r.Type == "Microsoft.Storage/storageAccounts/managementPolicies");
        var rule = policy.At("properties.policy.rules")!.AsArray().Single()!;
        Assert.True(rule["enabled"]!.GetValue<bool>());
        Assert.Equal(
            "[parameters('deleteAfterDays')]",
            rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<string>());
        Assert.Equal("[parameters('lifecyclePrefixes')]", ArmResource.AsText(rule["definition"]!["filters"]!["prefixMatch"]));
    }

    [Fact]
    public void The_shared_idempotency_secret_lives_outside_the_deletion_rule_and_the_app_is_told_where()
    {
        // Deleted by age, the secret would rotate under running instances and split their keyed ids.
        var secrets = CompiledTemplate.Root["variables"]!["idempotencyContainerName"]!.GetValue<string>();
        var generations = CompiledTemplate.Root["variables"]!["artifactContainerName"]!.GetValue<string>();
        Assert.Equal("sithsynth-secrets", secrets);
        Assert.False(secrets.StartsWith(generations + "/", StringComparison.Ordinal));

        var app = CompiledTemplate.Module("function-app").Properties["parameters"]!;
        Assert.Equal("[variables('idempotencyContainerName')]", app["idempotencyContainerName"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_runtime_account_has_no_deletion_rule()
    {
        // Its blobs are the deployment package and the Durable task hub: deleting them by age breaks the app.
        var parameters = CompiledTemplate.Module("runtime-storage").Properties["parameters"]!.AsObject();

        Assert.False(parameters.ContainsKey("deleteAfterDays"));
    }

    [Fact]
    public void Retention_is_a_positive_number_of_days_by_default()
    {
        var retention = CompiledTemplate.Root["parameters"]!["artifactRetentionDays"]!;

        Assert.Equal("int", retention["type"]!.GetValue<string>());
        Assert.True(retention["minValue"]!.GetValue<int>() >= 1);
        Assert.True(retention["defaultValue"] is JsonValue v && v.GetValue<int>() >= 1);
    }
}
