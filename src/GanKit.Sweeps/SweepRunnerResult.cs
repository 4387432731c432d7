namespace GanKit.Sweeps;

/// <summary>What one worker did with its shard.</summary>
/// <param name="Shard">The shard it worked on.</param>
/// <param name="RunsInShard">The number of runs in the shard.</param>
/// <param name="Completed">Runs this worker finished.</param>
/// <param name="Failed">Runs this worker saw fail.</param>
/// <param name="AlreadyFinished">Runs skipped because they were finished before (by anyone).</param>
/// <param name="PreviouslyFailed">Runs skipped because they had failed before.</param>
/// <param name="HeldElsewhere">Runs of the shard still held by other live workers when this worker stopped.</param>
/// <param name="Cancelled">Whether cancellation stopped the worker early.</param>
public sealed record SweepRunnerResult(
    SweepShard Shard,
    int RunsInShard,
    int Completed,
    int Failed,
    int AlreadyFinished,
    int PreviouslyFailed,
    int HeldElsewhere,
    bool Cancelled);
