namespace SithSynth.Pipeline.Tests;

/// <summary>A fresh folder under the system temp folder, removed on dispose (or by <see cref="Remove"/> for async fixtures).</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = NewPath();

    public static string NewPath() =>
        Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sithsynth-pipeline-tests", Guid.NewGuid().ToString("N"))).FullName;

    public static void Remove(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that is shutting down; the temp folder is cleaned eventually.
        }
    }

    public void Dispose() => Remove(Path);
}
