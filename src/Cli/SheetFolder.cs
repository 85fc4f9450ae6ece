using SithSynth.Domain.Generation;

namespace SithSynth.Cli;

/// <summary>
/// The folder <c>generate</c> writes into and the family of files one name gives there (NAME.*, NAME-2.*, …). A run
/// never silently replaces files: without <c>--force</c> any file of the family refuses the run before anything is
/// generated; with it, the family's files this run did not write (variations of an earlier, larger run) are removed.
/// </summary>
internal sealed class SheetFolder
{
    private static readonly string[] Extensions = [SheetFiles.MidiExtension, SheetFiles.MusicXmlExtension, SheetFiles.ReportExtension];

    private readonly string _folder;
    private readonly string _name;

    private SheetFolder(string folder, string name)
    {
        _folder = folder;
        _name = name;
    }

    /// <summary>Creates the folder when missing; any reason it cannot hold the files is one line naming <c>--out</c>.</summary>
    public static SheetFolder Prepare(string folder, string name, bool force)
    {
        if (File.Exists(folder))
        {
            throw new CommandLineException($"--out: {folder} is a file, not a folder.");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CommandLineException($"--out: cannot create the folder {folder}: {e.Message}");
        }

        var output = new SheetFolder(folder, name);
        if (!force && output.Family().FirstOrDefault() is { } existing)
        {
            throw new CommandLineException($"--out: {existing} already exists; pass --force to replace this name's files, or choose another --name or --out.");
        }

        return output;
    }

    /// <summary>Where variation <paramref name="variation"/> (from 0) goes, without its extension.</summary>
    public string Stem(int variation) => Path.Combine(_folder, variation == 0 ? _name : $"{_name}-{variation + 1}");

    /// <summary>Removes the family's files beyond the first <paramref name="variations"/>, left by an earlier run.</summary>
    public void RemoveStale(int variations)
    {
        var written = Enumerable.Range(0, variations).SelectMany(v => Extensions.Select(e => Stem(v) + e)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Family().Where(f => !written.Contains(f)))
        {
            try
            {
                File.Delete(stale);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException($"--force: cannot remove {stale}, left by an earlier run: {e.Message}");
            }
        }
    }

    /// <summary>NAME.ext and NAME-N.ext (N a whole number) for the three extensions.</summary>
    private IEnumerable<string> Family() => Directory.EnumerateFiles(_folder, _name + "*")
        .Where(path => Extensions.Any(e => path.EndsWith(e, StringComparison.Ordinal)) && IsVariation(Path.GetFileName(path)))
        .Order(StringComparer.Ordinal);

    private bool IsVariation(string file)
    {
        var stem = Extensions.Where(e => file.EndsWith(e, StringComparison.Ordinal)).Select(e => file[..^e.Length]).First();
        return stem == _name
            || (stem.Length > _name.Length + 1 && stem.StartsWith(_name + "-", StringComparison.Ordinal) && stem[(_name.Length + 1)..].All(char.IsAsciiDigit));
    }
}
