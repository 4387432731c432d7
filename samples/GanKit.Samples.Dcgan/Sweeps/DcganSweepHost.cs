using System.Globalization;
using GanKit.Mnist;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Runs;
using GanKit.Sweeps;
using GanKit.Training;
using GanKit.Checkpoints;

namespace GanKit.Samples.Dcgan.Sweeps;

/// <summary>The real sweep: each run is a <c>train</c> run with the sweep's parameters, evaluated into its <c>summary.json</c>.</summary>
internal sealed class DcganSweepHost(IProgressDisplay display, TextWriter output, TextWriter error) : ISweepHost
{
    /// <inheritdoc />
    public int Run(SweepRunSettings settings, CancellationToken cancellationToken)
    {
        var device = TrainRun.ResolveDevice(settings.Device);
        var plan = settings.Plan;
        int mine = plan.Runs.Count(settings.Shard.Contains);
        output.WriteLine($"Sweep '{plan.Name}': shard {settings.Shard} has {mine} of {plan.Runs.Count} runs; folder {settings.Output}.");
        if (DataProblem(settings.DataDirectory) is string problem)
        {
            // Missing or broken data belongs to this machine, not to a run: recorded as a run's
            // failure it would make every later worker skip that run. Stop before claiming any,
            // with a failing exit code, so the scheduler shows the task failed.
            error.WriteLine($"error: MNIST cannot be read on {Environment.MachineName}, so no run was started: {problem}");
            return ExitCodes.Failure;
        }

        var options = new SweepRunnerOptions
        {
            Shard = settings.Shard,
            LeaseTimeout = settings.Lease,
            RetryFailed = settings.RetryFailed,
            WaitForHeldRuns = settings.Wait,
            StealWork = settings.Steal,
            Metrics = DcganSweepSchema.Metrics,
        };

        SweepRunResult Execute(SweepRunContext context)
        {
            var run = context.Run;
            string folder = context.Directory;
            // A folder with a checkpoint is a run a killed or cancelled worker left: continue it.
            string checkpoints = Path.Combine(folder, AdversarialTrainer.CheckpointsFolderName);
            bool resume = Directory.Exists(checkpoints) && new CheckpointStore(checkpoints).FindLatestValid() is not null;
            var training = DcganSweepSchema.Training(run, settings.Device, settings.DataDirectory);
            var train = new TrainSettings(run[DcganSweepSchema.Architecture].AsString(), checked((int)run.Seed), folder, resume, training);
            try
            {
                display.Show([$"{run.Id} {run.ConfigurationLabel}, seed {run.Seed}"], runs =>
                    TrainRun.Execute(train, device, new ClaimCheckingProgress(runs[0], context), context.CancellationToken, trainerOptions => DcganSweepSchema.Apply(run, trainerOptions)));
            }
            catch (RunFolderInUseException ex)
            {
                // A frozen predecessor whose claim lapsed still holds the trainer's folder lock:
                // the run is not failed, only not ours yet, so leave it for a later pass.
                return SweepRunResult.Deferred(ex.Message);
            }

            return SweepRunResult.Success();
        }

        var result = new SweepRunner(options).Run(plan, settings.Output, Execute, new Lines(output, error), cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Shard {result.Shard}: {result.Completed} finished now, {result.AlreadyFinished} finished before, {result.Failed} failed, {result.PreviouslyFailed} failed before, {result.HeldElsewhere} held by other workers; {result.Stolen} taken from other shards, {result.Lost} lost to other workers."));
        if (result.Cancelled)
        {
            error.WriteLine("Stopped; the current run wrote a checkpoint and released its claim. Run the same command again (or let another worker) to continue.");
            return ExitCodes.Cancelled;
        }

        output.WriteLine($"Write the ranked table with: sweep report {settings.Output}");
        return ExitCodes.Success;
    }

    /// <summary>Loads both MNIST splits once (fetching them if needed); null when they load, else why not, in one line.</summary>
    private static string? DataProblem(string? dataDirectory)
    {
        try
        {
            var options = new MnistLoadOptions { Directory = dataDirectory };
            using (MnistDataset.Load(MnistSplit.Train, options))
            using (MnistDataset.Load(MnistSplit.Test, options))
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is MnistUnavailableException or InvalidDataException or IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException)
        {
            return $"{ex.Message.ReplaceLineEndings(" ")} ({ex.GetType().Name})";
        }
    }

    /// <inheritdoc />
    public int Report(SweepReportSettings settings)
    {
        var report = SweepReport.Collect(settings.Directory, DcganSweepSchema.Metrics, settings.RankBy);
        var sections = SweepReportExtras.Build(report);
        var (markdown, json) = report.WriteFiles(sections);
        output.WriteLine(report.ToMarkdown());
        output.WriteLine($"Wrote {markdown} and {json}.");
        return ExitCodes.Success;
    }

    /// <summary>One console line per run event; synchronous so lines keep the order of events.</summary>
    private sealed class Lines(TextWriter output, TextWriter error) : IProgress<SweepRunEvent>
    {
        public void Report(SweepRunEvent value)
        {
            string run = $"{value.Run.Id} ({value.Run.ConfigurationLabel}, seed {value.Run.Seed.ToString(CultureInfo.InvariantCulture)}){(value.FromOtherShard ? ", taken from another shard" : string.Empty)}";
            string seconds = value.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
            switch (value.Kind)
            {
                case SweepRunEventKind.Started: output.WriteLine($"start    {run}"); break;
                case SweepRunEventKind.Resumed: output.WriteLine($"resume   {run} (interrupted earlier; continuing from its checkpoint)"); break;
                case SweepRunEventKind.Completed: output.WriteLine($"done     {run} in {seconds} s"); break;
                case SweepRunEventKind.Failed: error.WriteLine($"FAILED   {run} after {seconds} s: {value.Message}"); break;
                case SweepRunEventKind.AlreadyFinished: output.WriteLine($"skip     {run}: already finished"); break;
                case SweepRunEventKind.PreviouslyFailed: output.WriteLine($"skip     {run}: failed before ({value.Message}); --retry-failed tries again"); break;
                case SweepRunEventKind.Cancelled: error.WriteLine($"stopped  {run}"); break;
                case SweepRunEventKind.Deferred: output.WriteLine($"later    {run}: {value.Message}"); break;
                case SweepRunEventKind.ClaimLost: error.WriteLine($"lost     {run}: another worker took it over while this one was frozen past its lease; left to it"); break;
            }
        }
    }
}
