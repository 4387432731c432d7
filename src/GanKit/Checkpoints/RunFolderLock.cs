using System.Text.Json;

namespace GanKit.Checkpoints;

/// <summary>
/// An exclusive hold on a run folder for one process: two trainers writing one folder would
/// interleave their checkpoints, history and summaries, so the second fails at once, naming the first.
/// </summary>
/// <remarks>
/// <para>
/// The hold is an operating-system lock on <see cref="LockFileName"/> (an advisory <c>flock</c> on
/// Unix, a sharing lock on Windows), which the system drops when the holder dies, even by
/// <c>kill -9</c>. Beside it the holder records itself in <see cref="OwnerFileName"/> (host, process
/// id, process start time) so the message names it, and so that a lock the file system does not
/// enforce is still caught: a recorded owner that runs on this host with the recorded start time is
/// live, whatever its process id; a dead one or one whose id now belongs to a younger process (PID 1
/// of a restarted container) is not.
/// </para>
/// <para>
/// Re-entrant within a process: the trainer and the application driving it may both hold the same
/// folder; the hold ends when the last of them is disposed. The lock file itself stays, because
/// deleting it would let two processes lock two different files.
/// </para>
/// </remarks>
public sealed class RunFolderLock : IDisposable
{
    /// <summary>The file the operating-system lock is taken on, inside the run folder.</summary>
    public const string LockFileName = ".gankit-run.lock";

    /// <summary>The file naming the holder, inside the run folder, while it is held.</summary>
    public const string OwnerFileName = ".gankit-run-owner.json";

    // A lock conflict is ERROR_SHARING_VIOLATION on Windows; on Unix the IOException carries the
    // raw errno of the refused flock, EWOULDBLOCK (11 on Linux, 35 on macOS and the BSDs).
    private const int SharingViolation = unchecked((int)0x80070020);
    private static readonly int WouldBlock = OperatingSystem.IsLinux() ? 11 : 35;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly Dictionary<string, Hold> Held = new(StringComparer.Ordinal);

    private readonly Hold _hold;
    private bool _disposed;

    private RunFolderLock(Hold hold) => _hold = hold;

    /// <summary>Gets the run folder held.</summary>
    public string Folder => _hold.Folder;

    /// <summary>Takes the run folder <paramref name="folder"/> (created when missing) for this process, without waiting.</summary>
    /// <param name="folder">The run folder.</param>
    /// <returns>The hold; dispose it when the run ends.</returns>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is null or empty.</exception>
    /// <exception cref="RunFolderInUseException">Another live process holds the folder.</exception>
    /// <exception cref="IOException">The folder or its lock file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static RunFolderLock Acquire(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        lock (Held)
        {
            if (Held.TryGetValue(full, out var existing))
            {
                existing.Count++;
                return new RunFolderLock(existing);
            }

            Directory.CreateDirectory(full);
            string lockPath = Path.Combine(full, LockFileName);
            FileStream handle;
            try
            {
                handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex.HResult == SharingViolation || (!OperatingSystem.IsWindows() && ex.HResult == WouldBlock))
            {
                throw new RunFolderInUseException(full, AwaitOwnerRecord(full), ex);
            }

            try
            {
                // The system lock was granted; a recorded owner that still runs means the file
                // system does not enforce it (or a foreign tool ignored it): refuse all the same.
                var recorded = ReadOwner(full);
                if (recorded is not null && !recorded.IsCurrentProcess && recorded.IsAlive() == true)
                {
                    throw new RunFolderInUseException(full, recorded, null);
                }

                WriteOwner(full, RunFolderOwner.Current with { AcquiredAt = DateTimeOffset.UtcNow });
            }
            catch
            {
                handle.Dispose();
                throw;
            }

            var hold = new Hold(full, handle);
            Held[full] = hold;
            return new RunFolderLock(hold);
        }
    }

    /// <summary>Reads who holds (or last held) <paramref name="folder"/>.</summary>
    /// <param name="folder">The run folder.</param>
    /// <returns>The recorded owner, or null when none is recorded or the record does not parse.</returns>
    public static RunFolderOwner? ReadOwner(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<RunFolderOwner>(File.ReadAllText(Path.Combine(folder, OwnerFileName)), Json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether this process holds <paramref name="folder"/>.</summary>
    internal static bool IsHeldByThisProcess(string folder)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        lock (Held)
        {
            return Held.ContainsKey(full);
        }
    }

    /// <summary>Releases this hold; the folder is free once every hold of this process on it is released.</summary>
    public void Dispose()
    {
        lock (Held)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (--_hold.Count > 0)
            {
                return;
            }

            Held.Remove(_hold.Folder);
            try
            {
                // Removed while still locked, so no other process's fresh record is deleted.
                File.Delete(Path.Combine(_hold.Folder, OwnerFileName));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A stale record is harmless: the next holder checks that its owner is alive.
            }

            _hold.Handle.Dispose();
        }
    }

    // A holder writes its record just after taking the lock: give it a moment, so the message
    // can name it rather than "another process".
    private static RunFolderOwner? AwaitOwnerRecord(string folder)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            if (ReadOwner(folder) is { } owner)
            {
                return owner;
            }

            Thread.Sleep(100);
        }

        return null;
    }

    private static void WriteOwner(string folder, RunFolderOwner owner)
    {
        string path = Path.Combine(folder, OwnerFileName);
        string temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(owner, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed class Hold(string folder, FileStream handle)
    {
        public string Folder { get; } = folder;

        public FileStream Handle { get; } = handle;

        public int Count { get; set; } = 1;
    }
}
