namespace GanKit.Sweeps;

/// <summary>What happened to one run, as a <see cref="SweepRunner"/> reports it.</summary>
public enum SweepRunEventKind
{
    /// <summary>This worker claimed the run and starts it.</summary>
    Started,

    /// <summary>This worker claimed a run another worker had left unfinished and resumes it.</summary>
    Resumed,

    /// <summary>The run finished with a valid summary.</summary>
    Completed,

    /// <summary>The run failed; the message says why.</summary>
    Failed,

    /// <summary>The run was already finished; skipped.</summary>
    AlreadyFinished,

    /// <summary>The run failed before and failures are not retried; skipped.</summary>
    PreviouslyFailed,

    /// <summary>Cancellation stopped the run; its claim is released so another worker resumes it.</summary>
    Cancelled,

    /// <summary>Another worker took the run over while this one ran it (its heartbeat lapsed past the lease); this worker stopped.</summary>
    ClaimLost,

    /// <summary>The executor put the run off (<see cref="SweepRunResult.Deferred"/>); its claim is released and it is tried again later.</summary>
    Deferred,
}

/// <summary>One event of a <see cref="SweepRunner"/>.</summary>
/// <param name="Run">The run.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Message">A failure reason or other detail, or null.</param>
/// <param name="Elapsed">How long the run took, for <see cref="SweepRunEventKind.Completed"/> and <see cref="SweepRunEventKind.Failed"/>.</param>
/// <param name="FromOtherShard">Whether the run belongs to another shard, taken because this worker's own were done.</param>
public sealed record SweepRunEvent(SweepRun Run, SweepRunEventKind Kind, string? Message, TimeSpan Elapsed, bool FromOtherShard = false);
