using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GanKit.Mnist.Sources;

/// <summary>An exclusive lock on a data folder, held while files are fetched into it, shared by every process on the machine.</summary>
/// <remarks>
/// The lock is a file opened with <see cref="FileShare.None"/>: Windows refuses a second open, and
/// .NET on Unix takes an advisory <c>flock</c> that other .NET processes respect. The operating
/// system drops it when the holder exits, so a crashed process never leaves the folder locked.
/// The file itself stays; deleting it would let two processes lock two different files.
/// </remarks>
internal sealed class DirectoryLock : IDisposable
{
    /// <summary>The lock file's name inside the folder.</summary>
    public const string FileName = ".gankit-mnist.lock";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _handle;

    private DirectoryLock(FileStream handle) => _handle = handle;

    /// <summary>Waits until the lock on <paramref name="directory"/> is free and takes it.</summary>
    /// <exception cref="TimeoutException">Another holder kept it longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="IOException">The lock file cannot be created (a read-only folder, say).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static async Task<DirectoryLock> AcquireAsync(string directory, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        string path = Path.Combine(directory, FileName);
        var waited = Stopwatch.StartNew();
        bool reported = false;
        while (true)
        {
            try
            {
                return new DirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException ex) when (IsHeldElsewhere(ex))
            {
                if (timeout != Timeout.InfiniteTimeSpan && waited.Elapsed >= timeout)
                {
                    throw new TimeoutException($"Another process held the lock '{path}' for more than {timeout}; if none is running, the lock is stale only while a process keeps it open.", ex);
                }

                if (!reported)
                {
                    Log.WaitingForLock(logger, directory);
                    reported = true;
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Only a refused lock means another holder; EROFS, EACCES or ENOSPC mean the folder cannot
    // be written at all, and waiting would not change that.
    private static bool IsHeldElsewhere(IOException ex) =>
        ex.HResult == unchecked((int)0x80070020) || (!OperatingSystem.IsWindows() && ex.HResult == (OperatingSystem.IsLinux() ? 11 : 35));

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _handle.Dispose();
}
