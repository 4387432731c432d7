using System.Diagnostics;
using GanKit.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GanKit.Sweeps;

/// <summary>
/// Works through one shard of a sweep in a shared folder: claims each run atomically, skips
/// finished ones, resumes interrupted ones, records failures, and hands the actual training to an
/// executor delegate so the engine does not depend on any trainer.
/// </summary>
/// <remarks>
/// Any number of workers, on one machine or many, may run against the same folder with the same or
/// overlapping shards: the claim files guarantee that each run is executed by one worker at a
/// time, and a finished run is never executed again.
/// </remarks>
public sealed class SweepRunner
{
    private readonly SweepRunnerOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <param name="logger">A logger, or null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration in <paramref name="options"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> lists no metrics.</exception>
    public SweepRunner(SweepRunnerOptions? options = null, ILogger<SweepRunner>? logger = null)
    {
        _options = options ?? new SweepRunnerOptions();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    private enum Outcome
    {
        Completed,
        Failed,
        AlreadyFinished,
        PreviouslyFailed,
        Held,
        Cancelled,
    }

    /// <summary>Runs this worker's shard of a plan.</summary>
    /// <param name="plan">The expanded sweep.</param>
    /// <param name="sweepDirectory">The shared sweep folder; created if needed.</param>
    /// <param name="executor">
    /// Trains and evaluates one run in the folder it is given and writes <c>summary.json</c> there;
    /// it should resume from its own checkpoint when the folder holds one, and throw
    /// <see cref="OperationCanceledException"/> when the token fires.
    /// </param>
    /// <param name="cancellationToken">Stops the worker; the current run's claim is released for others to resume.</param>
    /// <returns>What this worker did.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The folder holds a different sweep's plan.</exception>
    /// <exception cref="InvalidDataException">The folder's plan is unreadable.</exception>
    public SweepRunnerResult Run(
        SweepPlan plan,
        string sweepDirectory,
        Func<SweepRun, string, CancellationToken, SweepRunResult> executor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(sweepDirectory);
        ArgumentNullException.ThrowIfNull(executor);

        var folder = new SweepFolder(sweepDirectory);
        folder.Initialize(plan);
        var mine = plan.Runs.Where(_options.Shard.Contains).ToList();
        SweepLog.ShardPlanned(_logger, _options.Shard.ToString(), mine.Count, plan.Runs.Count);

        int completed = 0, failed = 0, alreadyFinished = 0, previouslyFailed = 0;
        bool cancelled = false;
        var held = new List<SweepRun>();

        bool Handle(SweepRun run)
        {
            switch (TryRun(folder, run, executor, cancellationToken))
            {
                case Outcome.Completed: completed++; break;
                case Outcome.Failed: failed++; break;
                case Outcome.AlreadyFinished: alreadyFinished++; break;
                case Outcome.PreviouslyFailed: previouslyFailed++; break;
                case Outcome.Held: return false;
                case Outcome.Cancelled: cancelled = true; break;
            }

            return true;
        }

        foreach (var run in mine)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            if (!Handle(run))
            {
                held.Add(run);
            }
        }

        while (_options.WaitForHeldRuns && held.Count > 0 && !cancelled)
        {
            SweepLog.WaitingForOthers(_logger, held.Count);
            if (cancellationToken.WaitHandle.WaitOne(_options.PollInterval))
            {
                cancelled = true;
                break;
            }

            held.RemoveAll(Handle);
        }

        return new SweepRunnerResult(_options.Shard, mine.Count, completed, failed, alreadyFinished, previouslyFailed, held.Count, cancelled || cancellationToken.IsCancellationRequested);
    }

    private Outcome TryRun(SweepFolder folder, SweepRun run, Func<SweepRun, string, CancellationToken, SweepRunResult> executor, CancellationToken cancellationToken)
    {
        var before = folder.Inspect(run, _options.Metrics, _options.LeaseTimeout);
        switch (before.State)
        {
            case SweepRunState.Finished:
                Report(run, SweepRunEventKind.AlreadyFinished, null, TimeSpan.Zero);
                return Outcome.AlreadyFinished;
            case SweepRunState.Failed when !_options.RetryFailed:
                Report(run, SweepRunEventKind.PreviouslyFailed, before.Detail, TimeSpan.Zero);
                return Outcome.PreviouslyFailed;
            case SweepRunState.Running:
                return Outcome.Held;
        }

        string directory = folder.RunDirectory(run);
        var claim = SweepClaim.TryAcquire(directory, _options.LeaseTimeout);
        if (claim is null)
        {
            return Outcome.Held;
        }

        // Between the look above and the claim another worker may have finished the run and
        // released its claim; the summary is the truth, so look again now that the run is ours.
        var now = folder.Inspect(run, _options.Metrics, _options.LeaseTimeout);
        if (now.State == SweepRunState.Finished)
        {
            claim.Release("finished by another worker");
            Report(run, SweepRunEventKind.AlreadyFinished, null, TimeSpan.Zero);
            return Outcome.AlreadyFinished;
        }

        if (now.State == SweepRunState.Failed)
        {
            if (!_options.RetryFailed)
            {
                claim.Release("failed before");
                Report(run, SweepRunEventKind.PreviouslyFailed, now.Detail, TimeSpan.Zero);
                return Outcome.PreviouslyFailed;
            }

            File.Delete(Path.Combine(directory, SweepFolder.FailureFileName));
        }

        AtomicFile.WriteAllText(Path.Combine(directory, SweepFolder.RunFileName), SweepPlan.RunToJson(run));
        bool resumed = claim.TookOver || before.State == SweepRunState.Interrupted;
        SweepLog.RunStarted(_logger, run.Id, run.ConfigurationLabel, run.Seed, resumed);
        Report(run, resumed ? SweepRunEventKind.Resumed : SweepRunEventKind.Started, null, TimeSpan.Zero);

        var beat = _options.LeaseTimeout / 5;
        using var heartbeat = new Timer(_ => claim.Heartbeat(), null, beat, beat);
        var watch = Stopwatch.StartNew();
        SweepRunResult result;
        try
        {
            result = executor(run, directory, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            heartbeat.Change(Timeout.Infinite, Timeout.Infinite);
            claim.Release("cancelled");
            Report(run, SweepRunEventKind.Cancelled, null, watch.Elapsed);
            return Outcome.Cancelled;
        }
        catch (Exception ex)
        {
            // One broken configuration must not stop the sweep: record it and move on.
            // One line: the reason goes into a markdown table cell and a console line.
            result = SweepRunResult.Failure($"{ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
        }

        heartbeat.Change(Timeout.Infinite, Timeout.Infinite);
        watch.Stop();
        if (!claim.IsCurrent(directory))
        {
            SweepLog.ClaimLost(_logger, run.Id);
        }

        string summaryPath = Path.Combine(directory, SweepSummary.FileName);
        if (result.Succeeded && !SweepSummary.TryRead(summaryPath, _options.Metrics, out _, out string? problem))
        {
            result = SweepRunResult.Failure($"the run reported success but its summary is not valid: {problem}");
        }

        if (result.Succeeded)
        {
            claim.Release("finished");
            SweepLog.RunCompleted(_logger, run.Id, watch.Elapsed.TotalSeconds);
            Report(run, SweepRunEventKind.Completed, null, watch.Elapsed);
            return Outcome.Completed;
        }

        SweepFolder.WriteFailure(directory, run, result.FailureReason!);
        claim.Release("failed");
        SweepLog.RunFailed(_logger, run.Id, result.FailureReason!);
        Report(run, SweepRunEventKind.Failed, result.FailureReason, watch.Elapsed);
        return Outcome.Failed;
    }

    private void Report(SweepRun run, SweepRunEventKind kind, string? message, TimeSpan elapsed) =>
        _options.Progress?.Report(new SweepRunEvent(run, kind, message, elapsed));
}
