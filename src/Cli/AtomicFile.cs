namespace SithSynth.Cli;

/// <summary>Writes a set of files so that either all of them appear complete or none is left behind half-written.</summary>
internal static class AtomicFile
{
    public static void WriteAll(params (string Path, byte[] Bytes)[] files)
    {
        var temporary = files.Select(f => f.Path + ".partial").ToArray();
        try
        {
            for (var i = 0; i < files.Length; i++)
            {
                File.WriteAllBytes(temporary[i], files[i].Bytes);
            }

            for (var i = 0; i < files.Length; i++)
            {
                File.Move(temporary[i], files[i].Path, overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var path in temporary.Where(File.Exists))
            {
                File.Delete(path);
            }

            throw new CommandLineException($"cannot write {Path.GetDirectoryName(files[0].Path)}: {e.Message}");
        }
    }
}
