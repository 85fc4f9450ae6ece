namespace SithSynth.Cli.Serving;

/// <summary>
/// A random key kept in a file only its owner can read, written once: serve's link key and idempotency secret live
/// with the files, so links and keyed ids stay valid across restarts and serve processes sharing the folder.
/// </summary>
internal static class SecretFile
{
    public const int Bytes = 32;

    public static byte[] ReadOrCreate(string path, string option)
    {
        if (!File.Exists(path))
        {
            var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Bytes);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var file = new FileStream(path, options);
                file.Write(key);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another serve on the same folder wrote it first; use theirs.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException($"{option}: cannot write {Path.GetFileName(path)} into {Path.GetDirectoryName(path)}: {e.Message}");
            }
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"{option}: cannot read {path}: {e.Message}");
        }
    }
}
