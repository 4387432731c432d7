using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Sweeps;

namespace GanKit.Samples.Dcgan.Sweeps;

/// <summary>The <c>sweep run</c> and <c>sweep report</c> commands.</summary>
internal static class SweepCommand
{
    /// <summary>The metric keys <c>--rank-by</c> accepts.</summary>
    public static readonly string[] RankableMetrics = DcganSweepSchema.Metrics.Select(m => m.Key).ToArray();

    /// <summary>The longest lease <c>--lease-minutes</c> accepts, the engine's maximum.</summary>
    public static readonly int MaxLeaseMinutes = (int)SweepRunnerOptions.MaxLeaseTimeout.TotalMinutes;

    /// <summary>Builds the <c>sweep</c> command. Sweep files and shards are checked here, so a bad one is a usage error (exit 2) before anything trains.</summary>
    public static Command Build(ISweepHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var command = new Command("sweep", "Run a grid of configurations and seeds (on one machine or as shards of a Slurm array or Kubernetes indexed Job) and rank them by metric.");
        command.Add(RunCommand(host));
        command.Add(ReportCommand(host));
        return command;
    }

    /// <summary>Reads and checks a sweep file against the sample's schema.</summary>
    /// <exception cref="UsageException">The file is missing or breaks the schema; the message names the key and the value.</exception>
    public static SweepPlan LoadPlan(string file)
    {
        SweepDefinition definition;
        try
        {
            definition = SweepDefinition.Load(file, DcganSweepSchema.Schema);
        }
        catch (SweepDefinitionException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (FileNotFoundException ex)
        {
            throw new UsageException(ex.Message);
        }

        foreach (var seed in definition.Seeds)
        {
            if (seed is < 0 or > int.MaxValue)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{file}: $.seeds: the seed {seed} is outside 0..{int.MaxValue}, the range the trainer takes."));
            }
        }

        return definition.Expand();
    }

    private static Command RunCommand(ISweepHost host)
    {
        var file = new Argument<string>("file") { Description = "The sweep file (JSON: name, seeds, architectures, epochs, maxBatchesPerEpoch, evaluationSamples, fixed and grid parameters)." };
        var output = new Option<string>("--out") { Description = "The shared sweep folder; every worker of the sweep uses the same one.", Required = true };
        var shard = new Option<string?>("--shard") { Description = "This worker's shard I/N: runs whose number mod N is I. Default: from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX, else all." };
        var shardCount = SampleOptions.OptionalPositive("--shard-count", "Shard count to pair with an index from the environment (JOB_COMPLETION_INDEX); default SWEEP_SHARD_COUNT.");
        var device = SampleOptions.Device();
        var data = SampleOptions.DataDirectory();
        var lease = SampleOptions.Between("--lease-minutes", 1, MaxLeaseMinutes, (int)new SweepRunnerOptions().LeaseTimeout.TotalMinutes, "How long a claim of a vanished worker on another machine blocks its run.");
        var retry = new Option<bool>("--retry-failed") { Description = "Try runs that failed before again." };
        var noWait = new Option<bool>("--no-wait") { Description = "Exit after one pass instead of waiting for runs other workers hold." };
        var noSteal = new Option<bool>("--no-steal") { Description = "Do only this shard's runs; by default a worker whose runs are done takes runs of other shards no worker has claimed." };

        var command = new Command("run", "Run this worker's shard of a sweep: claims each run, skips finished ones, resumes interrupted ones.");
        command.Add(file);
        command.Add(output);
        command.Add(shard);
        command.Add(shardCount);
        command.Add(device);
        command.Add(data);
        command.Add(lease);
        command.Add(retry);
        command.Add(noWait);
        command.Add(noSteal);
        command.SetAction(result =>
        {
            var plan = LoadPlan(result.GetValue(file)!);
            SweepShard resolved;
            try
            {
                resolved = SweepShard.Resolve(result.GetValue(shard), result.GetValue(shardCount));
            }
            catch (FormatException ex)
            {
                throw new UsageException($"--shard: {ex.Message}");
            }

            var settings = new SweepRunSettings(
                plan,
                Paths.EnsureWritableFolder(result.GetValue(output)!, "--out"),
                resolved,
                result.GetValue(device)!,
                result.GetValue(data),
                TimeSpan.FromMinutes(result.GetValue(lease)),
                result.GetValue(retry),
                !result.GetValue(noWait),
                !result.GetValue(noSteal));
            // Schedulers stop workers with SIGTERM (Kubernetes on eviction or deletion, Slurm on
            // scancel or at the time limit): treat it like Ctrl+C so the current run checkpoints
            // and releases its claim, and the next worker resumes it at once instead of after the lease.
            using var terminated = new CancellationTokenSource();
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                terminated.Cancel();
            });
            using var either = CancellationTokenSource.CreateLinkedTokenSource(CancelOnCtrlC.Token, terminated.Token);
            return host.Run(settings, either.Token);
        });
        return command;
    }

    private static Command ReportCommand(ISweepHost host)
    {
        var directory = new Argument<string>("dir") { Description = "The sweep folder given to sweep run --out." };
        var rankBy = SampleOptions.OneOf("--rank-by", RankableMetrics, RankableMetrics[0], "Metric whose mean ranks the configurations.");
        var command = new Command("report", "Rank every configuration of a sweep folder (mean ± std over seeds), list failed and unfinished runs, and write report.md, report.json and a metric-vs-parameter plot.");
        command.Add(directory);
        command.Add(rankBy);
        command.SetAction(result =>
        {
            string folder = Paths.ExistingFolder(result.GetValue(directory)!, "dir");
            if (!File.Exists(Path.Combine(folder, SweepPlan.FileName)))
            {
                throw new UsageException($"'{folder}' is not a sweep folder: it has no {SweepPlan.FileName}; give the folder passed to sweep run --out.");
            }

            return host.Report(new SweepReportSettings(folder, result.GetValue(rankBy)!));
        });
        return command;
    }
}
