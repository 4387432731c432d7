using System.Diagnostics;
using System.Globalization;

namespace GanKit.Sweeps;

/// <summary>
/// Who a process is on this machine: its id and when it started. An id alone is not enough: ids
/// are reused, and a restarted container's first process is PID 1 again, like its dead
/// predecessor. The start time tells them apart.
/// </summary>
/// <remarks>
/// On Linux the start is read from <c>/proc/&lt;pid&gt;/stat</c> (field 22, clock ticks since boot)
/// together with the kernel's boot id, so two processes compare exactly, to the tick; elsewhere
/// the runtime's <see cref="Process.StartTime"/> is compared with a tolerance.
/// </remarks>
internal static class ProcessIdentity
{
    private const string BootIdPath = "/proc/sys/kernel/random/boot_id";

    // The runtime's start time for the same process can differ by rounding between two reads.
    private static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(2);

    private static readonly Lazy<string?> CurrentBootId = new(() => ReadBootId());

    /// <summary>Gets the kernel's boot id, or null off Linux.</summary>
    public static string? BootId => CurrentBootId.Value;

    /// <summary>The start of a process in clock ticks since boot, from <c>/proc</c>; null off Linux or when it is gone.</summary>
    public static long? StartTicks(int pid) => ReadStat(pid)?.StartTicks;

    /// <summary>The start of a process in UTC, or null when it cannot be read.</summary>
    public static DateTime? StartUtc(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the process that recorded <paramref name="pid"/>, <paramref name="startTicks"/>,
    /// <paramref name="bootId"/> and <paramref name="startUtc"/> still runs on this machine. A
    /// zombie (exited, not yet reaped) does not run. Without any start facts, a live process with
    /// that id counts. Null when this machine cannot tell: the record comes from another boot, so
    /// from a machine that rebooted or another machine with the same name (a replacement pod of an
    /// indexed Job keeps its predecessor's host name), whose process may still be stopping.
    /// </summary>
    public static bool? IsAlive(int pid, long? startTicks, string? bootId, DateTime? startUtc)
    {
        if (BootId is not null)
        {
            if (startTicks is not null && bootId is not null && bootId != BootId)
            {
                return null;
            }

            var stat = ReadStat(pid);
            if (stat is null || stat.Value.State is 'Z' or 'X' or 'x')
            {
                return false;
            }

            if (startTicks is long ticks && bootId is not null)
            {
                return ticks == stat.Value.StartTicks;
            }
        }
        else if (!Exists(pid))
        {
            return false;
        }

        if (startUtc is DateTime expected)
        {
            return StartUtc(pid) is DateTime actual && (actual - expected).Duration() < StartTolerance;
        }

        return true;
    }

    private static bool Exists(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Reads the state (field 3) and start ticks (field 22) of <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    private static (char State, long StartTicks)? ReadStat(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        int close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int StartTimeIndex = 22 - 3;
        if (fields.Length <= StartTimeIndex || fields[0].Length != 1
            || !long.TryParse(fields[StartTimeIndex], NumberStyles.None, CultureInfo.InvariantCulture, out long start))
        {
            return null;
        }

        return (fields[0][0], start);
    }

    private static string? ReadBootId()
    {
        try
        {
            return File.Exists(BootIdPath) ? File.ReadAllText(BootIdPath).Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
