using System.Reflection;

namespace SithSynth.Infra.Tests;

/// <summary>Where the templates live in the checkout the tests were built from.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string BicepFolder { get; } = Path.Combine(Root, "infra", "bicep");

    public static string MainTemplate { get; } = Path.Combine(BicepFolder, "main.bicep");

    /// <summary>Every template and parameter file, relative to the Bicep folder.</summary>
    public static IReadOnlyList<string> BicepFiles() => Find(".bicep", ".bicepparam");

    public static IReadOnlyList<string> ParameterFiles() => Find(".bicepparam");

    public static TheoryData<string> AsTheoryData(IEnumerable<string> files)
    {
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            data.Add(file);
        }

        return data;
    }

    private static List<string> Find(params string[] extensions) =>
        Directory.EnumerateFiles(BicepFolder, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Select(f => Path.GetRelativePath(BicepFolder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
}
