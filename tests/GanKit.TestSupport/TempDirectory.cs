namespace GanKit.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("gankit-test-").FullName;

    /// <summary>Gets the folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    /// <param name="parts">The path's parts below the folder.</param>
    /// <returns>The combined path (nothing is created).</returns>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere must not fail a test that already passed.
        }
        catch (UnauthorizedAccessException)
        {
            // A test that made a folder read-only on purpose.
        }
    }
}
