using System.Text.RegularExpressions;

namespace SithSynth.Infra.Tests;

/// <summary>The identity gets exactly the data-plane roles it needs, each on the one resource that needs it.</summary>
public sealed partial class RoleAssignmentTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private sealed record Assignment(string RoleId, string Scope, string PrincipalId);

    private static IReadOnlyList<Assignment> Assignments { get; } =
        CompiledTemplate.OfType("Microsoft.Authorization/roleAssignments").Select(Resolve).ToList();

    [Theory]
    [InlineData(StorageBlobDataOwner, "runtimeStorageAccountName")]
    [InlineData(StorageQueueDataContributor, "runtimeStorageAccountName")]
    [InlineData(StorageTableDataContributor, "runtimeStorageAccountName")]
    [InlineData(StorageBlobDataContributor, "artifactStorageAccountName")]
    [InlineData(MonitoringMetricsPublisher, "applicationInsightsName")]
    public void Role_is_assigned_on_its_resource(string roleId, string scopeParameter)
    {
        var assignment = Assert.Single(Assignments, a => a.RoleId == roleId);

        Assert.Contains($"parameters('{scopeParameter}')", assignment.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public void No_other_roles_are_assigned()
    {
        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageBlobDataContributor, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher }.Order(),
            Assignments.Select(a => a.RoleId).Order());
    }

    [Fact]
    public void Nothing_is_assigned_on_the_resource_group_or_subscription()
    {
        Assert.All(Assignments, a => Assert.StartsWith("[resourceId(", a.Scope, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_role_goes_to_the_app_identity()
    {
        Assert.All(Assignments, a => Assert.Equal("[parameters('principalId')]", a.PrincipalId));
        var module = CompiledTemplate.Module("role-assignments");
        Assert.Equal(
            "[reference('identity').outputs.principalId.value]",
            module.Properties["parameters"]!["principalId"]!["value"]!.GetValue<string>());
    }

    /// <summary>Role IDs appear as a literal GUID or through a template variable such as variables('roles').name.</summary>
    private static Assignment Resolve(ArmResource resource)
    {
        var expression = resource.Properties["roleDefinitionId"]!.GetValue<string>();
        var guid = GuidPattern().Match(expression);
        if (!guid.Success)
        {
            var variable = VariablePattern().Match(expression);
            Assert.True(variable.Success, $"Cannot read the role from {expression}");
            var value = resource.Template["variables"]![variable.Groups["name"].Value]!;
            if (variable.Groups["member"].Success)
            {
                value = value[variable.Groups["member"].Value]!;
            }

            guid = GuidPattern().Match(value.GetValue<string>());
        }

        Assert.True(guid.Success, $"No role definition GUID in {expression}");
        return new Assignment(guid.Value, resource.Node["scope"]!.GetValue<string>(), resource.Properties["principalId"]!.GetValue<string>());
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)(\.(?<member>\w+))?")]
    private static partial Regex VariablePattern();
}
