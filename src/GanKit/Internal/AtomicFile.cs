using System.Text;

namespace GanKit.Internal;

/// <summary>
/// The one way GanKit writes a whole file: into a temporary sibling with a name no other writer can
/// share (process id and a GUID), then renamed over the target, which is atomic on one file system.
/// A reader, another process or a crash never sees half a file, and two writers never write into
/// each other's temporary file. The sweep engine compiles this same file into its own assembly.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark), replacing any file of that name.</summary>
    /// <param name="path">The file to write; its folder is created when missing.</param>
    /// <param name="text">The whole content.</param>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream => stream.Write(Utf8NoBom.GetBytes(text)));

    /// <summary>Writes what <paramref name="write"/> puts into the stream, replacing any file of that name.</summary>
    /// <param name="path">The file to write; its folder is created when missing.</param>
    /// <param name="write">Writes the whole content; it may not keep the stream.</param>
    public static void Write(string path, Action<Stream> write)
    {
        string temporary = TemporaryFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    /// <summary>Creates the file with the whole text in it only if no file of that name exists.</summary>
    /// <param name="path">The file to create; its folder is created when missing.</param>
    /// <param name="text">The whole content.</param>
    /// <returns>False when the file already existed (it is left as it was).</returns>
    public static bool TryCreate(string path, string text)
    {
        string temporary = TemporaryFor(path);
        try
        {
            File.WriteAllText(temporary, text, Utf8NoBom);
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    private static string TemporaryFor(string path)
    {
        string full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
    }

    private static void DeleteQuietly(string temporary)
    {
        if (File.Exists(temporary))
        {
            File.Delete(temporary);
        }
    }
}
