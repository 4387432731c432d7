using Microsoft.Extensions.Logging;

namespace GanKit.Training;

// Event ids are stable: users filter and alert on them.
internal static partial class Log
{

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Skipping checkpoint {Directory}: it passes its manifest but cannot be loaded: {Reason}")]
    public static partial void CheckpointUnloadable(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Training on {Device}: epochs {FirstEpoch}-{Epochs}, {BatchesPerEpoch} batches of {BatchSize} per epoch, {Scheme} updates, {Loss} loss")]
    public static partial void TrainingStarted(ILogger logger, string device, int firstEpoch, int epochs, long batchesPerEpoch, int batchSize, UpdateScheme scheme, string loss);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Resuming from {Directory}: {Epochs} epochs and {Steps} steps done")]
    public static partial void Resumed(ILogger logger, string directory, int epochs, long steps);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "No valid checkpoint under {Directory}; starting a fresh run")]
    public static partial void NothingToResume(ILogger logger, string directory);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Epoch {Epoch}/{Epochs}: D loss {DiscriminatorLoss:F4}, G loss {GeneratorLoss:F4}, D(x) {RealScore:F3}, D(G(z)) {FakeScore:F3}, {Seconds:F1} s, {ImagesPerSecond:F0} images/s")]
    public static partial void EpochCompleted(ILogger logger, int epoch, int epochs, double discriminatorLoss, double generatorLoss, double realScore, double fakeScore, double seconds, double imagesPerSecond);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Step {Step} (epoch {Epoch}, batch {Batch}/{Batches}): D loss {DiscriminatorLoss:F4}, G loss {GeneratorLoss:F4}")]
    public static partial void StepReport(ILogger logger, long step, int epoch, long batch, long batches, double discriminatorLoss, double generatorLoss);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Training cancelled at step {Step} (epoch {Epoch}); checkpoint written to {Directory}")]
    public static partial void Cancelled(ILogger logger, long step, int epoch, string directory);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error, Message = "Training diverged: a loss was not finite at step {Step} (epoch {Epoch}); the newest checkpoint is left as it was")]
    public static partial void Diverged(ILogger logger, long step, int epoch);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "Copied the dataset ({Count} images) from {From} to {To} once, so batches are gathered on the training device")]
    public static partial void DatasetCopied(ILogger logger, long count, string from, string to);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Warning, Message = "The checkpoint was written with {Setting} = {Stored}; this run uses {Current}, so it will not repeat the original run")]
    public static partial void ResumeSettingChanged(ILogger logger, string setting, string stored, string current);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Torch runtime: {Runtime}")]
    public static partial void RuntimeLoaded(ILogger logger, Runtime.TorchRuntimeInfo runtime);
}
