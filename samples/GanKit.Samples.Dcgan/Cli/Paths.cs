namespace GanKit.Samples.Dcgan.Cli;

/// <summary>Checks on folders and files named on the command line, done before any work starts.</summary>
internal static class Paths
{
    /// <summary>Creates <paramref name="folder"/> if needed and proves it can be written by writing and deleting a file.</summary>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="UsageException">The folder cannot be created or written; the message names it and says why.</exception>
    public static string EnsureWritableFolder(string folder, string option)
    {
        string full;
        try
        {
            full = Path.GetFullPath(folder);
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{option} folder '{folder}' cannot be written: {ex.Message}");
        }

        return full;
    }

    /// <summary>Checks that the folder of output file <paramref name="file"/> can be written.</summary>
    /// <returns>The file's full path.</returns>
    /// <exception cref="UsageException">The folder cannot be created or written.</exception>
    public static string EnsureWritableFile(string file, string option)
    {
        string full;
        try
        {
            full = Path.GetFullPath(file);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{option} '{file}' is not a file name: {ex.Message}");
        }

        if (Directory.Exists(full))
        {
            throw new UsageException($"{option} '{file}' is a folder; give a file name such as grid.png.");
        }

        EnsureWritableFolder(Path.GetDirectoryName(full)!, option);
        return full;
    }

    /// <summary>Checks that a checkpoint folder exists.</summary>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="UsageException">It does not exist.</exception>
    public static string ExistingFolder(string folder, string option)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new UsageException($"{option} must name a folder; got '{folder}'.");
        }

        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"{option} '{folder}' does not exist.");
        }

        return full;
    }
}
