using System.Globalization;
using System.Text.Json;
using GanKit.Internal;

namespace GanKit.Sweeps;

/// <summary>
/// The shared folder of one sweep: <c>plan.json</c> and one folder per run under <c>runs/</c>,
/// named by <see cref="SweepRun.Id"/>, holding <c>sweep-run.json</c>, the claims, the trainer's files and
/// finally <c>summary.json</c> (or <c>failed.json</c>).
/// </summary>
internal sealed class SweepFolder
{
    /// <summary>The file describing the run, written before it starts (named apart from the run.json an application may keep).</summary>
    public const string RunFileName = "sweep-run.json";

    /// <summary>The file a failed run leaves, with the reason.</summary>
    public const string FailureFileName = "failed.json";

    /// <summary>The subfolder holding the run folders.</summary>
    public const string RunsFolderName = "runs";

    /// <summary>Opens (without creating) a sweep folder.</summary>
    /// <param name="root">The folder given as <c>--out</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="root"/> is empty.</exception>
    public SweepFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = System.IO.Path.GetFullPath(root);
    }

    /// <summary>Gets the full path of the folder.</summary>
    public string Root { get; }

    /// <summary>Gets the path of <c>plan.json</c>.</summary>
    public string PlanPath => System.IO.Path.Combine(Root, SweepPlan.FileName);

    /// <summary>Gets the folder of one run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The path (which may not exist yet).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public string RunDirectory(SweepRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return System.IO.Path.Combine(Root, RunsFolderName, run.Id);
    }

    /// <summary>
    /// Stores the plan, or checks that the stored plan is the same one, so workers started with an
    /// edited sweep file cannot mix two sweeps in one folder.
    /// </summary>
    /// <param name="plan">The plan to run.</param>
    /// <exception cref="InvalidOperationException">The folder already holds a different plan.</exception>
    /// <exception cref="InvalidDataException">The stored plan is unreadable.</exception>
    public void Initialize(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Root, RunsFolderName));
        if (AtomicFile.TryCreate(PlanPath, plan.ToJson()))
        {
            return;
        }

        var stored = ReadPlan();
        if (stored.Fingerprint != plan.Fingerprint)
        {
            throw new InvalidOperationException(
                $"{Root} already holds the sweep '{stored.Name}' ({stored.Runs.Count} runs, plan {stored.Fingerprint[..8]}), which differs from this one ('{plan.Name}', {plan.Runs.Count} runs, plan {plan.Fingerprint[..8]}). Use a new output folder for a changed sweep file.");
        }
    }

    /// <summary>Reads the stored plan.</summary>
    /// <returns>The plan.</returns>
    /// <exception cref="FileNotFoundException">The folder holds no <c>plan.json</c> (it is not a sweep folder, or no worker has started).</exception>
    /// <exception cref="InvalidDataException">The plan is unreadable.</exception>
    public SweepPlan ReadPlan()
    {
        if (!File.Exists(PlanPath))
        {
            throw new FileNotFoundException($"{Root} is not a sweep folder: it has no {SweepPlan.FileName} (run 'sweep run' with --out {Root} first).", PlanPath);
        }

        return SweepPlan.Parse(File.ReadAllText(PlanPath), PlanPath);
    }

    /// <summary>Reads where one run stands.</summary>
    /// <param name="run">The run.</param>
    /// <param name="metrics">The metrics a valid <c>summary.json</c> must hold.</param>
    /// <param name="lease">How old a claim's heartbeat may be before the claim counts as abandoned.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SweepRunStatus Inspect(SweepRun run, IReadOnlyList<SweepMetric> metrics, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(metrics);
        string directory = RunDirectory(run);
        if (!System.IO.Directory.Exists(directory))
        {
            return new SweepRunStatus(run, directory, SweepRunState.NotStarted, null, null);
        }

        string summaryPath = System.IO.Path.Combine(directory, SweepSummary.FileName);
        bool summaryExists = File.Exists(summaryPath);
        if (SweepSummary.TryRead(summaryPath, metrics, out var values, out string? problem))
        {
            return new SweepRunStatus(run, directory, SweepRunState.Finished, values, null);
        }

        if (ReadFailure(directory) is string reason)
        {
            return new SweepRunStatus(run, directory, SweepRunState.Failed, null, reason);
        }

        var claim = SweepClaim.ReadCurrent(directory);
        if (claim is not null && !claim.IsStale(lease))
        {
            return new SweepRunStatus(run, directory, SweepRunState.Running, null, $"claimed by {claim.Describe()}");
        }

        if (claim is null && !summaryExists)
        {
            return new SweepRunStatus(run, directory, SweepRunState.NotStarted, null, null);
        }

        return new SweepRunStatus(run, directory, SweepRunState.Interrupted, null, summaryExists ? problem : "stopped before writing a summary");
    }

    /// <summary>Reads every run of the stored plan.</summary>
    /// <param name="metrics">The metrics a valid <c>summary.json</c> must hold.</param>
    /// <param name="lease">How old a claim's heartbeat may be before the claim counts as abandoned.</param>
    /// <returns>One status per run, in run order.</returns>
    /// <exception cref="FileNotFoundException">The folder holds no plan.</exception>
    /// <exception cref="InvalidDataException">The plan is unreadable.</exception>
    public IReadOnlyList<SweepRunStatus> InspectAll(IReadOnlyList<SweepMetric> metrics, TimeSpan lease) =>
        ReadPlan().Runs.Select(run => Inspect(run, metrics, lease)).ToArray();

    internal static void WriteFailure(string runDirectory, SweepRun run, string reason)
    {
        var record = new FailureRecord(run.Id, reason, Environment.MachineName, Environment.ProcessId, DateTime.UtcNow);
        AtomicFile.WriteAllText(System.IO.Path.Combine(runDirectory, FailureFileName), JsonSerializer.Serialize(record, FailureRecord.Json));
    }

    internal static string? ReadFailure(string runDirectory)
    {
        string path = System.IO.Path.Combine(runDirectory, FailureFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<FailureRecord>(File.ReadAllText(path), FailureRecord.Json);
            return record?.Reason ?? "failed (no reason recorded)";
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"failed ({FailureFileName} unreadable: {ex.Message})");
        }
    }

    private sealed record FailureRecord(string Run, string Reason, string Host, int Pid, DateTime FailedUtc)
    {
        public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
    }
}
