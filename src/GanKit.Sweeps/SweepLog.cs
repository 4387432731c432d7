using Microsoft.Extensions.Logging;

namespace GanKit.Sweeps;

/// <summary>The runner's log messages, with stable event ids for filtering.</summary>
internal static partial class SweepLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Shard {Shard}: {Count} of {Total} runs")]
    public static partial void ShardPlanned(ILogger logger, string shard, int count, int total);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Run {RunId} started ({Configuration}, seed {Seed}); resumed: {Resumed}")]
    public static partial void RunStarted(ILogger logger, string runId, string configuration, long seed, bool resumed);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Run {RunId} finished in {Seconds:F1} s")]
    public static partial void RunCompleted(ILogger logger, string runId, double seconds);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Run {RunId} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Waiting for {Count} runs held by other workers")]
    public static partial void WaitingForOthers(ILogger logger, int count);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Run {RunId}: another worker took this worker's claim over while it ran (the heartbeat lapsed for longer than the lease); this worker stopped and leaves the run to it")]
    public static partial void ClaimLost(ILogger logger, string runId);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Shard {Shard} is done; taking run {RunId} of shard {OtherShard}, which no worker has claimed")]
    public static partial void Stealing(ILogger logger, string shard, string runId, int otherShard);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "Run {RunId}: the worker failed outside the run ({Reason}); its claim is released")]
    public static partial void WorkerError(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Information, Message = "Run {RunId} put off: {Reason}; it is tried again later")]
    public static partial void RunDeferred(ILogger logger, string runId, string reason);
}
