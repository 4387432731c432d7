namespace GanKit.Sweeps;

/// <summary>What one worker did with its shard.</summary>
/// <param name="Shard">The shard it worked on.</param>
/// <param name="RunsInShard">The number of runs in the shard.</param>
/// <param name="Completed">Runs of its shard this worker finished.</param>
/// <param name="Failed">Runs of its shard this worker saw fail.</param>
/// <param name="AlreadyFinished">Runs of its shard skipped because they were finished before (by anyone).</param>
/// <param name="PreviouslyFailed">Runs of its shard skipped because they had failed before.</param>
/// <param name="HeldElsewhere">Runs of its shard still held by other live workers when this worker stopped.</param>
/// <param name="Cancelled">Whether cancellation stopped the worker early.</param>
/// <param name="Stolen">Runs of other shards this worker finished or saw fail, taken once its own were done.</param>
/// <param name="Lost">Runs another worker took over while this one ran them (its heartbeat lapsed past the lease).</param>
public sealed record SweepRunnerResult(
    SweepShard Shard,
    int RunsInShard,
    int Completed,
    int Failed,
    int AlreadyFinished,
    int PreviouslyFailed,
    int HeldElsewhere,
    bool Cancelled,
    int Stolen,
    int Lost);
