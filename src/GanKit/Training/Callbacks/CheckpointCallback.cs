namespace GanKit.Training.Callbacks;

/// <summary>
/// Writes a checkpoint at each epoch's end, every <see cref="EverySteps"/> steps inside an epoch
/// when set (so a killed run loses at most that many steps), and when the run is cancelled.
/// Without it a run writes no checkpoints and cannot be resumed.
/// </summary>
public sealed class CheckpointCallback : ITrainingCallback
{
    /// <summary>Creates the callback.</summary>
    /// <param name="everySteps">Also checkpoint every this many steps; 0 for epoch ends (and cancellation) only.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="everySteps"/> is negative.</exception>
    public CheckpointCallback(int everySteps = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(everySteps);
        EverySteps = everySteps;
    }

    /// <summary>Gets the step interval of checkpoints inside an epoch; 0 for none.</summary>
    public int EverySteps { get; }

    /// <inheritdoc />
    public void OnStepEnd(AdversarialTrainer trainer, TrainingStepEventArgs step)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(step);

        // The epoch's last step is followed at once by the epoch's own checkpoint.
        if (EverySteps > 0 && step.Step % EverySteps == 0 && !step.IsLastOfEpoch)
        {
            trainer.SaveCheckpoint();
        }
    }

    /// <inheritdoc />
    public void OnEpochEnd(AdversarialTrainer trainer, EpochEnd epoch)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(epoch);
        epoch.CheckpointDirectory = trainer.SaveCheckpoint().Directory;
    }

    /// <inheritdoc />
    public void OnRunEnd(AdversarialTrainer trainer, RunEnd end)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(end);
        if (end.Cancelled)
        {
            trainer.SaveCheckpoint();
        }
    }
}
