using Microsoft.Extensions.Logging;

namespace GanKit.Checkpoints;

// Event ids are stable: users filter and alert on them. Checkpoints use 1001-1099 of the core's range.
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Checkpoint written to {Directory} (epoch {Epoch}, step {Step})")]
    public static partial void CheckpointSaved(ILogger logger, string directory, int epoch, long step);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Skipping checkpoint {Directory}: {Reason}")]
    public static partial void CheckpointSkipped(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Deleted old checkpoint {Directory}")]
    public static partial void CheckpointPruned(ILogger logger, string directory);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Deleting {Directory}, left by an interrupted checkpoint write")]
    public static partial void TemporaryRemoved(ILogger logger, string directory);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Ignoring {Directory}: not named epoch-<epoch>-step-<step> within range, so not a checkpoint")]
    public static partial void StrayFolderIgnored(ILogger logger, string directory);
}
