namespace GanKit.Training;

/// <summary>Data of <see cref="AdversarialTrainer.EpochCompleted"/>.</summary>
public sealed class TrainingEpochEventArgs : EventArgs
{
    internal TrainingEpochEventArgs(TrainingHistoryRow row, string? samplePath, string? checkpointDirectory)
    {
        Row = row;
        SamplePath = samplePath;
        CheckpointDirectory = checkpointDirectory;
    }

    /// <summary>Gets the epoch's history row.</summary>
    public TrainingHistoryRow Row { get; }

    /// <summary>Gets the path of the epoch's sample grid PNG, or null when no callback wrote one.</summary>
    public string? SamplePath { get; }

    /// <summary>Gets the folder of the checkpoint written at the epoch's end, or null when no callback wrote one.</summary>
    public string? CheckpointDirectory { get; }
}
