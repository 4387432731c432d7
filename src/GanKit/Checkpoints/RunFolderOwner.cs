using System.Diagnostics;
using System.Globalization;

namespace GanKit.Checkpoints;

/// <summary>
/// The process that holds a run folder: its host, process id and process start time. The start
/// time tells a live owner from a dead one whose id was handed to another process, as happens to
/// PID 1 each time a container restarts.
/// </summary>
/// <param name="Host">The machine's name.</param>
/// <param name="ProcessId">The owner's process id on <paramref name="Host"/>.</param>
/// <param name="StartTime">
/// When the process started, as the kernel counts it (field 22 of <c>/proc/&lt;pid&gt;/stat</c>,
/// clock ticks since boot) on Linux, or UTC ticks elsewhere; 0 when unknown.
/// </param>
/// <param name="AcquiredAt">When the owner took the folder, for people reading a message.</param>
public sealed record RunFolderOwner(string Host, int ProcessId, long StartTime, DateTimeOffset AcquiredAt)
{
    private static readonly Lazy<RunFolderOwner> CurrentProcess = new(() =>
        new RunFolderOwner(Environment.MachineName, Environment.ProcessId, StartTimeOf(Environment.ProcessId) ?? 0, DateTimeOffset.UtcNow));

    /// <summary>Gets this process as an owner (its <see cref="AcquiredAt"/> is when it was first asked for).</summary>
    public static RunFolderOwner Current => CurrentProcess.Value;

    /// <summary>Whether this record names the calling process (same host, id and start time).</summary>
    public bool IsCurrentProcess =>
        Host == Current.Host && ProcessId == Current.ProcessId && StartTime == Current.StartTime;

    /// <summary>
    /// Whether the owner still runs: true or false when it ran on this host; null when it ran on
    /// another host, which cannot be asked.
    /// </summary>
    /// <returns>
    /// False when no process has the id, the process is a zombie, or it started at another time
    /// (the id was reused); true when the same process still runs.
    /// </returns>
    public bool? IsAlive()
    {
        if (!string.Equals(Host, Current.Host, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (IsCurrentProcess)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            var stat = ReadStat(ProcessId);
            return stat is { State: not ('Z' or 'X' or 'x') } && stat.Value.StartTime == StartTime;
        }

        long? started = StartTimeOf(ProcessId);
        return started is not null && (StartTime == 0 || started == StartTime);
    }

    /// <summary>A short description such as <c>process 4242 on node-7 (since 2026-12-01 11:20:03Z)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} on {Host} (since {AcquiredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)");

    /// <summary>The start time of process <paramref name="processId"/> as <see cref="StartTime"/> records it, or null when it does not run.</summary>
    internal static long? StartTimeOf(int processId)
    {
        if (OperatingSystem.IsLinux())
        {
            return ReadStat(processId)?.StartTime;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    // /proc/<pid>/stat is "pid (comm) state ppid ... starttime ...": comm may hold spaces and
    // parentheses, so fields are counted from the last ')'. State is field 3, starttime field 22.
    private static (char State, long StartTime)? ReadStat(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        int end = text.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        string[] fields = text[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int StateIndex = 0, StartTimeIndex = 22 - 3;
        return fields.Length > StartTimeIndex && long.TryParse(fields[StartTimeIndex], NumberStyles.None, CultureInfo.InvariantCulture, out long start)
            ? (fields[StateIndex][0], start)
            : null;
    }
}
