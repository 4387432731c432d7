using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GanKit.Internal;

namespace GanKit.Sweeps;

/// <summary>
/// A worker's hold on one run folder: <c>claim-NNNN.json</c>, created with
/// <see cref="FileMode.CreateNew"/> so that of two workers racing for the same number exactly one
/// succeeds, on a local disk and on NFS alike.
/// </summary>
/// <remarks>
/// Claims are numbered rather than deleted and recreated: taking over a stale claim means creating
/// the next number, which is as atomic as the first claim, and nobody ever deletes a file another
/// worker might be creating. The highest number is the current claim. The owner refreshes its
/// file's modification time as a heartbeat; a claim is stale when its owner released it, when its
/// process is gone from this host, or when the heartbeat is older than the lease.
/// </remarks>
internal sealed class SweepClaim
{
    private const string Prefix = "claim-";
    private const string Suffix = ".json";

    private SweepClaim(string path, int number, ClaimRecord record)
    {
        Path = path;
        Number = number;
        Record = record;
    }

    public string Path { get; }

    public int Number { get; }

    public ClaimRecord Record { get; }

    /// <summary>Whether this claim took over an earlier, stale one (the run was interrupted before).</summary>
    public bool TookOver => Number > 1;

    /// <summary>Tries to claim a run folder; null when a live claim of another worker holds it.</summary>
    public static SweepClaim? TryAcquire(string runDirectory, TimeSpan lease)
    {
        Directory.CreateDirectory(runDirectory);
        for (int attempt = 0; attempt < 16; attempt++)
        {
            var current = ReadCurrent(runDirectory);
            if (current is not null && !current.IsStale(lease))
            {
                return null;
            }

            int number = (current?.Number ?? 0) + 1;
            string path = PathOf(runDirectory, number);
            var record = ClaimRecord.ForThisProcess();
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                JsonSerializer.Serialize(stream, record, ClaimRecord.Json);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another worker created this number first; look again at what it holds.
                continue;
            }

            return new SweepClaim(path, number, record);
        }

        // Sixteen lost races in a row means others keep winning; leaving the run to them is safe.
        return null;
    }

    /// <summary>Reads the highest-numbered claim of a folder, or null when it has none.</summary>
    public static ClaimView? ReadCurrent(string runDirectory)
    {
        if (!Directory.Exists(runDirectory))
        {
            return null;
        }

        int best = 0;
        string? bestPath = null;
        foreach (var file in Directory.EnumerateFiles(runDirectory, Prefix + "*" + Suffix))
        {
            string name = System.IO.Path.GetFileName(file);
            string digits = name[Prefix.Length..^Suffix.Length];
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > best)
            {
                best = number;
                bestPath = file;
            }
        }

        if (bestPath is null)
        {
            return null;
        }

        ClaimRecord? record = null;
        try
        {
            record = JsonSerializer.Deserialize<ClaimRecord>(File.ReadAllText(bestPath), ClaimRecord.Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            // Read while its creator was still writing it, or cut short by a crash: judged by age below.
        }

        DateTime heartbeat;
        try
        {
            heartbeat = File.GetLastWriteTimeUtc(bestPath);
        }
        catch (IOException)
        {
            heartbeat = DateTime.UtcNow;
        }

        return new ClaimView(bestPath, best, record, heartbeat);
    }

    /// <summary>Refreshes the heartbeat so other workers keep seeing the claim as live.</summary>
    public void Heartbeat()
    {
        try
        {
            File.SetLastWriteTimeUtc(Path, DateTime.UtcNow);
        }
        catch (IOException)
        {
            // A missed beat only shortens the lease; the next one retries.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: a transient permission hiccup on a network share.
        }
    }

    /// <summary>Marks the claim released so the next worker may take the run at once.</summary>
    public void Release(string outcome)
    {
        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(Record with { Released = outcome }, ClaimRecord.Json));
    }

    /// <summary>Whether this is still the folder's current claim (nobody took it over during a lost heartbeat).</summary>
    public bool IsCurrent(string runDirectory) => ReadCurrent(runDirectory)?.Number == Number;

    private static string PathOf(string runDirectory, int number) =>
        System.IO.Path.Combine(runDirectory, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D4}{Suffix}"));

    /// <summary>What a claim file holds.</summary>
    internal sealed record ClaimRecord(string Token, string Host, int Pid, DateTime? ProcessStartUtc, DateTime ClaimedUtc, string? Released)
    {
        public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

        public static ClaimRecord ForThisProcess()
        {
            DateTime? start = null;
            try
            {
                using var self = Process.GetCurrentProcess();
                start = self.StartTime.ToUniversalTime();
            }
            catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
            {
                // Without a start time, a reused process id looks alive; the lease still ends it.
            }

            return new ClaimRecord(Guid.NewGuid().ToString("N"), Environment.MachineName, Environment.ProcessId, start, DateTime.UtcNow, null);
        }
    }

    /// <summary>A claim as another worker sees it.</summary>
    internal sealed record ClaimView(string Path, int Number, ClaimRecord? Record, DateTime HeartbeatUtc)
    {
        /// <summary>An unreadable claim gets this long to be written before it counts as debris.</summary>
        private static readonly TimeSpan UnreadableGrace = TimeSpan.FromSeconds(30);

        public bool IsStale(TimeSpan lease)
        {
            var age = DateTime.UtcNow - HeartbeatUtc;
            if (Record is null)
            {
                return age > (lease < UnreadableGrace ? lease : UnreadableGrace);
            }

            if (Record.Released is not null)
            {
                return true;
            }

            if (string.Equals(Record.Host, Environment.MachineName, StringComparison.Ordinal) && !IsAlive(Record.Pid, Record.ProcessStartUtc))
            {
                return true;
            }

            return age > lease;
        }

        public string Describe() => Record is null
            ? $"an unreadable claim ({System.IO.Path.GetFileName(Path)})"
            : $"{Record.Host} pid {Record.Pid.ToString(CultureInfo.InvariantCulture)}, heartbeat {HeartbeatUtc:u}";

        private static bool IsAlive(int pid, DateTime? startUtc)
        {
            if (pid == Environment.ProcessId)
            {
                return true;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.HasExited)
                {
                    return false;
                }

                // A recycled id belongs to a different process with a different start time.
                return startUtc is not DateTime expected
                    || Math.Abs((process.StartTime.ToUniversalTime() - expected).TotalSeconds) < 2;
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
