namespace GanKit.Training.Callbacks;

/// <summary>What <see cref="ITrainingCallback.OnEpochEnd"/> receives; callbacks record the files they wrote on it.</summary>
public sealed class EpochEnd
{
    internal EpochEnd(TrainingHistoryRow row, TrainingHistory history)
    {
        Row = row;
        History = history;
    }

    /// <summary>Gets the epoch's row.</summary>
    public TrainingHistoryRow Row { get; }

    /// <summary>Gets the history of the run, this epoch included.</summary>
    public TrainingHistory History { get; }

    /// <summary>Gets or sets the sample grid written for this epoch, or null while none was.</summary>
    public string? SamplePath { get; set; }

    /// <summary>Gets or sets the checkpoint written for this epoch, or null while none was.</summary>
    public string? CheckpointDirectory { get; set; }
}
