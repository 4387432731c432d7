namespace GanKit.Sweeps;

/// <summary>Whole-file writes that readers on other machines never see half done.</summary>
internal static class AtomicFile
{
    /// <summary>Writes to a temporary sibling, then renames over the target (a rename is atomic on one file system).</summary>
    public static void WriteAllText(string path, string text)
    {
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Creates the file only if no file of that name exists, with the whole text in it.</summary>
    /// <returns>False when the file already existed.</returns>
    public static bool TryCreate(string path, string text)
    {
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
