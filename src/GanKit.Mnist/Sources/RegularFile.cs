using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GanKit.Mnist.Sources;

/// <summary>
/// Tells a regular file from a FIFO, socket or device that merely has an IDX file's name: opening
/// a FIFO for reading blocks until some writer appears, so a loader that opened one would hang.
/// </summary>
internal static class RegularFile
{
    // O_RDONLY | O_NONBLOCK: opening a FIFO this way returns at once. O_NONBLOCK is 04000 on Linux
    // (every architecture .NET runs on) and 0x4 on macOS and the BSDs.
    private static readonly int OpenNonBlocking = OperatingSystem.IsLinux() ? 0x800 : 0x4;

    /// <summary>Whether <paramref name="path"/> is a regular file (following symbolic links).</summary>
    /// <returns>True for a regular file, false for anything else or nothing.</returns>
    public static bool Is(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        // Only a regular file (or a block device, which no one names like an IDX file) can seek;
        // a FIFO, socket or character device cannot.
        int fd = NativeMethods.Open(path, OpenNonBlocking);
        if (fd < 0)
        {
            // Unreadable: let the reader report the real error.
            return true;
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            return stream.CanSeek;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        internal static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
