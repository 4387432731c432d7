namespace GanKit.Mnist.Tests.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("gankit-mnist-test-").FullName;

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The names of the files in the folder, sorted, ignoring the lock file.</summary>
    public string[] FileNames() => Directory.GetFiles(Path)
        .Select(System.IO.Path.GetFileName)
        .Where(name => name != GanKit.Mnist.Sources.DirectoryLock.FileName)
        .Order(StringComparer.Ordinal)
        .ToArray()!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
