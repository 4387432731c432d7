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
/// process is gone from this host (compared by id and start time, see <see cref="ProcessIdentity"/>),
/// or when the heartbeat is older than the lease.
/// </remarks>
internal sealed class SweepClaim
{
    private const string Prefix = "claim-";
    private const string Suffix = ".json";

    private readonly object _gate = new();
    private readonly Stopwatch _sinceConfirmed = Stopwatch.StartNew();
    private readonly TimeSpan _lease;
    private volatile bool _lost;

    private SweepClaim(string path, string directory, int number, ClaimRecord record, TimeSpan lease)
    {
        Path = path;
        Directory = directory;
        Number = number;
        Record = record;
        _lease = lease;
    }

    public string Path { get; }

    /// <summary>The run folder the claim is in.</summary>
    public string Directory { get; }

    public int Number { get; }

    /// <summary>How often the owner refreshes the heartbeat: a fifth of the lease.</summary>
    public TimeSpan HeartbeatInterval => _lease / 5;

    public ClaimRecord Record { get; }

    /// <summary>Whether this claim took over an earlier, stale one (the run was interrupted before).</summary>
    public bool TookOver => Number > 1;

    /// <summary>Tries to claim a run folder; null when a live claim of another worker holds it.</summary>
    public static SweepClaim? TryAcquire(string runDirectory, TimeSpan lease)
    {
        System.IO.Directory.CreateDirectory(runDirectory);
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

            return new SweepClaim(path, runDirectory, number, record, lease);
        }

        // Sixteen lost races in a row means others keep winning; leaving the run to them is safe.
        return null;
    }

    /// <summary>Reads the highest-numbered claim of a folder, or null when it has none.</summary>
    public static ClaimView? ReadCurrent(string runDirectory)
    {
        if (!System.IO.Directory.Exists(runDirectory))
        {
            return null;
        }

        int best = 0;
        string? bestPath = null;
        foreach (var file in System.IO.Directory.EnumerateFiles(runDirectory, Prefix + "*" + Suffix))
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

    /// <summary>
    /// Refreshes the heartbeat so other workers keep seeing the claim as live, then checks that the
    /// claim is still the folder's current one.
    /// </summary>
    /// <returns>False once another worker has taken the run over.</returns>
    public bool Heartbeat()
    {
        lock (_gate)
        {
            if (_lost)
            {
                return false;
            }

            try
            {
                // Refresh first: a worker deciding right now whether the claim is stale should see it live.
                File.SetLastWriteTimeUtc(Path, DateTime.UtcNow);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A missed beat only shortens the lease; the next one retries.
            }

            if (!IsCurrent())
            {
                _lost = true;
                return false;
            }

            _sinceConfirmed.Restart();
            return true;
        }
    }

    /// <summary>
    /// Whether this worker still holds the run. Cheap while the heartbeat keeps up; when it has
    /// not confirmed the claim for two beats (the process was frozen, say with SIGSTOP, or starved)
    /// another worker may have taken the run over meanwhile, so the claim files are read again.
    /// </summary>
    public bool IsHeld()
    {
        if (_lost)
        {
            return false;
        }

        bool overdue;
        lock (_gate)
        {
            overdue = _sinceConfirmed.Elapsed > HeartbeatInterval * 2;
        }

        return !overdue || Heartbeat();
    }

    /// <summary>Gets whether a heartbeat or <see cref="IsHeld"/> found the run taken over.</summary>
    public bool IsLost => _lost;

    /// <summary>Marks the claim released so the next worker may take the run at once.</summary>
    public void Release(string outcome)
    {
        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(Record with { Released = outcome }, ClaimRecord.Json));
    }

    /// <summary>Whether this is still the folder's current claim: nobody took it over during a lost heartbeat.</summary>
    public bool IsCurrent() => ReadCurrent(Directory) is { } current && current.Number == Number && current.Record?.Token == Record.Token;

    /// <summary>Describes who holds the run now, for messages.</summary>
    public string DescribeCurrentHolder() => ReadCurrent(Directory)?.Describe() ?? "nobody";

    private static string PathOf(string runDirectory, int number) =>
        System.IO.Path.Combine(runDirectory, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D4}{Suffix}"));

    /// <summary>What a claim file holds.</summary>
    /// <param name="Token">A random id of this claim, so a rewritten file of the same number is not mistaken for it.</param>
    /// <param name="Host">The machine name.</param>
    /// <param name="Pid">The owner's process id.</param>
    /// <param name="ProcessStartUtc">When the owner started, as the runtime reports it.</param>
    /// <param name="ProcessStartTicks">When the owner started, in clock ticks since boot (Linux's /proc/&lt;pid&gt;/stat field 22).</param>
    /// <param name="BootId">The kernel's boot id the ticks count from.</param>
    /// <param name="ClaimedUtc">When the claim was made.</param>
    /// <param name="Released">How the owner ended its hold, or null while it holds the run.</param>
    internal sealed record ClaimRecord(string Token, string Host, int Pid, DateTime? ProcessStartUtc, long? ProcessStartTicks, string? BootId, DateTime ClaimedUtc, string? Released)
    {
        public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

        public static ClaimRecord ForThisProcess()
        {
            int pid = Environment.ProcessId;
            return new ClaimRecord(Guid.NewGuid().ToString("N"), Environment.MachineName, pid, ProcessIdentity.StartUtc(pid), ProcessIdentity.StartTicks(pid), ProcessIdentity.BootId, DateTime.UtcNow, null);
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

            // The same host: the process itself says whether the claim lives, by id and start
            // time; an equal id alone is no proof (a restarted container's worker is PID 1 again).
            if (string.Equals(Record.Host, Environment.MachineName, StringComparison.Ordinal)
                && ProcessIdentity.IsAlive(Record.Pid, Record.ProcessStartTicks, Record.BootId, Record.ProcessStartUtc) == false)
            {
                return true;
            }

            return age > lease;
        }

        public string Describe() => Record is null
            ? $"an unreadable claim ({System.IO.Path.GetFileName(Path)})"
            : $"{Record.Host} pid {Record.Pid.ToString(CultureInfo.InvariantCulture)}, heartbeat {HeartbeatUtc:u}";
    }
}
