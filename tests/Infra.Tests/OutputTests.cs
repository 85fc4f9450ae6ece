using System.Text.RegularExpressions;

namespace SithSynth.Infra.Tests;

/// <summary>Deployment outputs end up in CI logs and azd .env files, so none may carry a secret.</summary>
public sealed partial class OutputTests
{
    private static IEnumerable<(string Name, string Type, string Value)> AllOutputs =>
        CompiledTemplate.Templates
            .SelectMany(t => t["outputs"]?.AsObject() ?? [])
            .Select(o => (o.Key, o.Value!["type"]!.GetValue<string>(), ArmResource.AsText(o.Value!["value"])));

    [Fact]
    public void The_function_app_url_and_names_are_outputs()
    {
        var outputs = CompiledTemplate.Root["outputs"]!.AsObject();

        Assert.Equal("[reference('functionApp').outputs.url.value]", outputs["FUNCTION_APP_URL"]!["value"]!.GetValue<string>());
        Assert.True(outputs.ContainsKey("AZURE_FUNCTION_APP_NAME"));
        Assert.True(outputs.ContainsKey("AZURE_RESOURCE_GROUP"));
        Assert.True(outputs.ContainsKey("ARTIFACT_STORAGE_ACCOUNT_NAME"));
    }

    [Fact]
    public void No_output_is_named_like_a_secret()
    {
        Assert.All(AllOutputs, o => Assert.DoesNotMatch(SecretName(), o.Name));
    }

    [Fact]
    public void No_output_reads_a_secret()
    {
        Assert.All(AllOutputs, o => Assert.DoesNotMatch(SecretValue(), o.Value));
    }

    [Fact]
    public void No_output_is_a_secure_value()
    {
        Assert.All(AllOutputs, o => Assert.DoesNotContain("secure", o.Type, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_secret_patterns_catch_what_they_are_for()
    {
        Assert.Matches(SecretName(), "storageConnectionString");
        Assert.Matches(SecretName(), "PRIMARY_KEY");
        Assert.Matches(SecretValue(), "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'x'), '2024-01-01').keys[0].value]");
        Assert.Matches(SecretValue(), "[reference('appi').ConnectionString]");
        Assert.DoesNotMatch(SecretName(), "MANAGED_IDENTITY_CLIENT_ID");
    }

    [GeneratedRegex("(key|secret|password|connectionstring|connection_string|sas|token|credential)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(list\w*\(|connectionstring|accountkey|instrumentationkey|secret|password)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValue();
}
