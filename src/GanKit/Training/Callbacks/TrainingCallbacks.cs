namespace GanKit.Training.Callbacks;

/// <summary>The callbacks a run has unless <see cref="AdversarialTrainerOptions.Callbacks"/> says otherwise.</summary>
public static class TrainingCallbacks
{
    /// <summary>
    /// Gets new instances of the built-in callbacks, in the order they run: the epoch's sample grid,
    /// the history files, the checkpoint, and at the run's end the progress GIF.
    /// </summary>
    /// <param name="checkpointEverySteps">Also checkpoint every this many steps inside an epoch; 0 for epoch ends only.</param>
    /// <returns>A list you may change before setting it as <see cref="AdversarialTrainerOptions.Callbacks"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="checkpointEverySteps"/> is negative.</exception>
    public static List<ITrainingCallback> Defaults(int checkpointEverySteps = 0) =>
    [
        new SampleGridCallback(),
        new HistoryFilesCallback(),
        new CheckpointCallback(checkpointEverySteps),
        new ProgressGifCallback(),
    ];
}
