using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Functions.Tests;

/// <summary>
/// Setting names as app settings spell them (<c>Section__key</c>), from the code that reads them, the Bicep template
/// that sets them in Azure and the sample developers copy, so the three can be compared.
/// </summary>
internal static partial class KnownSettings
{
    /// <summary>Read by the app's own code (<see cref="AppSettings"/>).</summary>
    public static IReadOnlyList<string> App { get; } = typeof(AppSettings)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => AsAppSetting((string)f.GetRawConstantValue()!))
        .ToList();

    /// <summary>Bound to <see cref="ArtifactStorageSettings"/>: every property the binder can set.</summary>
    public static IReadOnlyList<string> ArtifactStorage { get; } = typeof(ArtifactStorageSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .Select(p => $"{ArtifactStorageSettings.SectionName}__{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}")
        .ToList();

    /// <summary>Bound to <see cref="AdmissionSettings"/>.</summary>
    public static IReadOnlyList<string> Admission { get; } = typeof(AdmissionSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .Select(p => $"{AdmissionSettings.SectionName}__{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}")
        .ToList();

    /// <summary>Identity-connection marker the infrastructure sets by the Functions convention; the store infers it (no key means identity).</summary>
    public const string ArtifactStorageCredential = "ArtifactStorage__credential";

    /// <summary>Read by the Functions host, not the app.</summary>
    public static bool IsHostSetting(string name) =>
        name is "AzureWebJobsStorage" or "FUNCTIONS_WORKER_RUNTIME" || name.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal);

    /// <summary>Whether anything reads this setting (names compare as configuration does, ignoring case).</summary>
    public static bool IsRead(string name) =>
        IsHostSetting(name)
        || App.Contains(name, StringComparer.OrdinalIgnoreCase)
        || ArtifactStorage.Contains(name, StringComparer.OrdinalIgnoreCase)
        || Admission.Contains(name, StringComparer.OrdinalIgnoreCase)
        || name.Equals(ArtifactStorageCredential, StringComparison.OrdinalIgnoreCase);

    public static string AsAppSetting(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The <c>Values</c> of local.settings.sample.json.</summary>
    public static IReadOnlyDictionary<string, string> Sample()
    {
        using var document = FunctionsOutput.ParseStrict(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json"));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    /// <summary>The names in the function app's <c>appSettings</c> in infra/bicep/modules/function-app.bicep.</summary>
    public static IReadOnlyList<string> Bicep()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "bicep", "modules", "function-app.bicep"));
        var settings = template[template.IndexOf("appSettings: [", StringComparison.Ordinal)..];
        return AppSettingName().Matches(settings).Select(m => m.Groups["name"].Value).ToList();
    }

    /// <summary>App settings as the Functions worker sees them: environment variables, where <c>__</c> nests sections.</summary>
    public static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string>> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build();

    [GeneratedRegex(@"name: '(?<name>[^']+)'\s*\r?\n\s*value:")]
    private static partial Regex AppSettingName();
}
