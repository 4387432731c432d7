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
    /// <param name="options">The options; copied, so later changes do not reach the runner.</param>
    /// <param name="logger">A logger, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration in <paramref name="options"/> is not positive or above its maximum.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> lists no metrics.</exception>
    public SweepRunner(SweepRunnerOptions options, ILogger<SweepRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
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
        Lost,
    }

    /// <summary>Runs this worker's shard of a plan, then (with <see cref="SweepRunnerOptions.StealWork"/>) runs nobody has claimed.</summary>
    /// <param name="plan">The expanded sweep.</param>
    /// <param name="sweepDirectory">The shared sweep folder; created if needed.</param>
    /// <param name="executor">
    /// Trains and evaluates one run in <see cref="SweepRunContext.Directory"/> and writes
    /// <see cref="SweepRunContext.SummaryPath"/>; it should resume from its own checkpoint when the
    /// folder holds one, throw <see cref="OperationCanceledException"/> when the context's token
    /// fires, and call <see cref="SweepRunContext.ThrowIfClaimLost"/> before each checkpoint.
    /// </param>
    /// <param name="progress">Receives each run's start and outcome as they happen (synchronously, in order), or null.</param>
    /// <param name="cancellationToken">Stops the worker; the current run's claim is released for others to resume.</param>
    /// <returns>What this worker did.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The folder holds a different sweep's plan.</exception>
    /// <exception cref="InvalidDataException">The folder's plan is unreadable.</exception>
    public SweepRunnerResult Run(
        SweepPlan plan,
        string sweepDirectory,
        Func<SweepRunContext, SweepRunResult> executor,
        IProgress<SweepRunEvent>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(sweepDirectory);
        ArgumentNullException.ThrowIfNull(executor);

        var folder = new SweepFolder(sweepDirectory);
        folder.Initialize(plan);
        var shard = _options.Shard;
        var mine = plan.Runs.Where(shard.Contains).ToList();
        SweepLog.ShardPlanned(_logger, shard.ToString(), mine.Count, plan.Runs.Count);

        int completed = 0, failed = 0, alreadyFinished = 0, previouslyFailed = 0, stolen = 0, lost = 0;
        bool cancelled = false;
        var held = new List<SweepRun>();

        bool Handle(SweepRun run)
        {
            switch (TryRun(folder, run, executor, stolen: false, progress, cancellationToken))
            {
                case Outcome.Completed: completed++; break;
                case Outcome.Failed: failed++; break;
                case Outcome.AlreadyFinished: alreadyFinished++; break;
                case Outcome.PreviouslyFailed: previouslyFailed++; break;
                case Outcome.Held: return false;
                case Outcome.Cancelled: cancelled = true; break;
                case Outcome.Lost: lost++; break;
            }

            return true;
        }

        // Its own shard first, in order: with every worker alive, who ran what is plain number mod N.
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

        // Runs of other shards seen finished (or failed, when failures are not retried) stay so:
        // later passes skip them instead of reading their folders again.
        var settled = new HashSet<int>();
        while (!cancelled && !cancellationToken.IsCancellationRequested)
        {
            if (_options.StealWork)
            {
                var (done, lostThere, stopped) = StealPass(folder, plan, executor, settled, progress, cancellationToken);
                stolen += done;
                lost += lostThere;
                cancelled |= stopped;
            }

            held.RemoveAll(Handle);
            if (cancelled || held.Count == 0 || !_options.WaitForHeldRuns)
            {
                break;
            }

            SweepLog.WaitingForOthers(_logger, held.Count);
            if (cancellationToken.WaitHandle.WaitOne(_options.PollInterval))
            {
                cancelled = true;
            }
        }

        return new SweepRunnerResult(shard, mine.Count, completed, failed, alreadyFinished, previouslyFailed, held.Count,
            cancelled || cancellationToken.IsCancellationRequested, stolen, lost);
    }

    /// <summary>
    /// Runs, once each, every run of other shards that no live worker holds and that still needs
    /// doing, last runs first: their own worker works from the front, so the two rarely meet.
    /// </summary>
    private (int Done, int Lost, bool Cancelled) StealPass(SweepFolder folder, SweepPlan plan, Func<SweepRunContext, SweepRunResult> executor, HashSet<int> settled, IProgress<SweepRunEvent>? progress, CancellationToken cancellationToken)
    {
        int done = 0, lost = 0;
        for (int i = plan.Runs.Count - 1; i >= 0; i--)
        {
            var run = plan.Runs[i];
            if (_options.Shard.Contains(run) || settled.Contains(run.Number))
            {
                continue;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return (done, lost, true);
            }

            // Look first, quietly: finished, failed and held runs of others are not this worker's news.
            var state = folder.Inspect(run, _options.Metrics, _options.LeaseTimeout).State;
            if (state is SweepRunState.Finished || (state is SweepRunState.Failed && !_options.RetryFailed))
            {
                settled.Add(run.Number);
                continue;
            }

            if (state is SweepRunState.Running)
            {
                continue;
            }

            SweepLog.Stealing(_logger, _options.Shard.ToString(), run.Id, run.Number % _options.Shard.Count);
            switch (TryRun(folder, run, executor, stolen: true, progress, cancellationToken))
            {
                case Outcome.Completed or Outcome.Failed: done++; settled.Add(run.Number); break;
                case Outcome.Lost: lost++; break;
                case Outcome.Cancelled: return (done, lost, true);
            }
        }

        return (done, lost, false);
    }

    private Outcome TryRun(SweepFolder folder, SweepRun run, Func<SweepRunContext, SweepRunResult> executor, bool stolen, IProgress<SweepRunEvent>? progress, CancellationToken cancellationToken)
    {
        var before = folder.Inspect(run, _options.Metrics, _options.LeaseTimeout);
        switch (before.State)
        {
            case SweepRunState.Finished:
                Report(progress, run, SweepRunEventKind.AlreadyFinished, null, TimeSpan.Zero, stolen);
                return Outcome.AlreadyFinished;
            case SweepRunState.Failed when !_options.RetryFailed:
                Report(progress, run, SweepRunEventKind.PreviouslyFailed, before.Detail, TimeSpan.Zero, stolen);
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

        // From here on the run is this worker's: whatever happens, the claim must end released
        // (or be left to the worker that took it over), never held by a worker that gave up.
        bool settled = false;
        try
        {
            var outcome = RunClaimed(folder, run, directory, claim, before.State, executor, stolen, progress, cancellationToken);
            settled = true;
            return outcome;
        }
        finally
        {
            if (!settled && !claim.IsLost)
            {
                SweepLog.WorkerError(_logger, run.Id, "an exception outside the executor");
                try
                {
                    claim.Release("worker error");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The original error is the news; an unreleased claim still ends with its lease.
                }
            }
        }
    }

    private Outcome RunClaimed(SweepFolder folder, SweepRun run, string directory, SweepClaim claim, SweepRunState stateBefore, Func<SweepRunContext, SweepRunResult> executor, bool stolen, IProgress<SweepRunEvent>? progress, CancellationToken cancellationToken)
    {
        // Between the look above and the claim another worker may have finished the run and
        // released its claim; the summary is the truth, so look again now that the run is ours.
        var now = folder.Inspect(run, _options.Metrics, _options.LeaseTimeout);
        if (now.State == SweepRunState.Finished)
        {
            claim.Release("finished by another worker");
            Report(progress, run, SweepRunEventKind.AlreadyFinished, null, TimeSpan.Zero, stolen);
            return Outcome.AlreadyFinished;
        }

        if (now.State == SweepRunState.Failed)
        {
            if (!_options.RetryFailed)
            {
                claim.Release("failed before");
                Report(progress, run, SweepRunEventKind.PreviouslyFailed, now.Detail, TimeSpan.Zero, stolen);
                return Outcome.PreviouslyFailed;
            }

            File.Delete(Path.Combine(directory, SweepFolder.FailureFileName));
        }

        AtomicFile.WriteAllText(Path.Combine(directory, SweepFolder.RunFileName), SweepPlan.RunToJson(run));
        bool resumed = claim.TookOver || stateBefore == SweepRunState.Interrupted;
        SweepLog.RunStarted(_logger, run.Id, run.ConfigurationLabel, run.Seed, resumed);
        Report(progress, run, resumed ? SweepRunEventKind.Resumed : SweepRunEventKind.Started, null, TimeSpan.Zero, stolen);

        var context = new SweepRunContext(run, directory, claim, stolen, cancellationToken);
        var beat = claim.HeartbeatInterval;
        using var heartbeat = new Timer(_ => claim.Heartbeat(), null, beat, beat);
        var watch = Stopwatch.StartNew();
        SweepRunResult result;
        try
        {
            result = executor(context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !claim.IsLost)
        {
            heartbeat.Change(Timeout.Infinite, Timeout.Infinite);
            claim.Release("cancelled");
            Report(progress, run, SweepRunEventKind.Cancelled, null, watch.Elapsed, stolen);
            return Outcome.Cancelled;
        }
        catch (Exception ex) when (ex is SweepClaimLostException || claim.IsLost || !claim.IsCurrent())
        {
            return Lost(run, watch.Elapsed, stolen, progress);
        }
        catch (Exception ex)
        {
            // One broken configuration must not stop the sweep: record it and move on.
            // One line: the reason goes into a markdown table cell and a console line.
            result = SweepRunResult.Failure($"{ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
        }

        heartbeat.Change(Timeout.Infinite, Timeout.Infinite);
        watch.Stop();
        if (claim.IsLost || !claim.IsCurrent())
        {
            // Whatever this worker thinks of the run, the folder is the new owner's now: record
            // neither a failure nor a release over its claim.
            return Lost(run, watch.Elapsed, stolen, progress);
        }

        if (result.DeferralReason is string deferral)
        {
            claim.Release("deferred");
            SweepLog.RunDeferred(_logger, run.Id, deferral);
            Report(progress, run, SweepRunEventKind.Deferred, deferral, watch.Elapsed, stolen);
            return Outcome.Held;
        }

        string summaryPath = context.SummaryPath;
        if (result.Succeeded && !SweepSummary.TryRead(summaryPath, _options.Metrics, out _, out string? problem))
        {
            result = SweepRunResult.Failure($"the run reported success but its summary is not valid: {problem}");
        }

        if (result.Succeeded)
        {
            claim.Release("finished");
            SweepLog.RunCompleted(_logger, run.Id, watch.Elapsed.TotalSeconds);
            Report(progress, run, SweepRunEventKind.Completed, null, watch.Elapsed, stolen);
            return Outcome.Completed;
        }

        SweepFolder.WriteFailure(directory, run, result.FailureReason!);
        claim.Release("failed");
        SweepLog.RunFailed(_logger, run.Id, result.FailureReason!);
        Report(progress, run, SweepRunEventKind.Failed, result.FailureReason, watch.Elapsed, stolen);
        return Outcome.Failed;
    }

    private Outcome Lost(SweepRun run, TimeSpan elapsed, bool stolen, IProgress<SweepRunEvent>? progress)
    {
        SweepLog.ClaimLost(_logger, run.Id);
        Report(progress, run, SweepRunEventKind.ClaimLost, null, elapsed, stolen);
        return Outcome.Lost;
    }

    private static void Report(IProgress<SweepRunEvent>? progress, SweepRun run, SweepRunEventKind kind, string? message, TimeSpan elapsed, bool stolen) =>
        progress?.Report(new SweepRunEvent(run, kind, message, elapsed, stolen));
}
