namespace SithSynth.Cli;

/// <summary>
/// The checkout sithsynth runs from, found by walking up to SithSynth.Functions.sln from the working folder and
/// then from the program's own folder, so `eval` writes into the repository's models/ and not the copy in bin/.
/// </summary>
internal static class RepositoryFolders
{
    public const string SolutionFile = "SithSynth.Functions.sln";

    public static string? Root { get; } = Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory);

    public static string Require(string option, params string[] below) => Root is { } root
        ? Path.Combine([root, .. below])
        : throw new CommandLineException($"{option}: no folder above here holds {SolutionFile}; name the folder explicitly.", CommandLine.Usage);

    private static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
