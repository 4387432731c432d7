using GanKit.Checkpoints;

namespace GanKit.Training.Callbacks;

/// <summary>
/// Code the trainer runs at the boundaries of a run: its start, every step, every epoch, every
/// checkpoint and its end. The sample grids, the history files, the checkpoints and the progress GIF
/// are such callbacks (<see cref="TrainingCallbacks.Defaults"/>); set
/// <see cref="AdversarialTrainerOptions.Callbacks"/> to add your own, or to remove or replace them.
/// </summary>
/// <remarks>
/// Callbacks run on the training thread, in list order, at step boundaries: between two steps the
/// networks are consistent and a callback may evaluate them, save them, or call
/// <see cref="AdversarialTrainer.SaveCheckpoint()"/>. Every hook does nothing unless implemented.
/// </remarks>
public interface ITrainingCallback
{
    /// <summary>Runs once before the first step (after a resume has restored its checkpoint).</summary>
    /// <param name="trainer">The trainer.</param>
    /// <param name="history">The epochs completed so far; empty for a fresh run.</param>
    void OnRunStart(AdversarialTrainer trainer, TrainingHistory history)
    {
    }

    /// <summary>Runs after every step.</summary>
    /// <param name="trainer">The trainer.</param>
    /// <param name="step">The step's position and its losses (device tensors, valid during this call only).</param>
    void OnStepEnd(AdversarialTrainer trainer, TrainingStepEventArgs step)
    {
    }

    /// <summary>Runs after every epoch, once its row is in the history.</summary>
    /// <param name="trainer">The trainer.</param>
    /// <param name="epoch">The epoch's row, with the files the callbacks before this one wrote.</param>
    void OnEpochEnd(AdversarialTrainer trainer, EpochEnd epoch)
    {
    }

    /// <summary>Runs after every checkpoint the trainer writes, whoever asked for it; a good moment to flush your own logs.</summary>
    /// <param name="trainer">The trainer.</param>
    /// <param name="checkpoint">The checkpoint just written and verified.</param>
    void OnCheckpointSaved(AdversarialTrainer trainer, CheckpointInfo checkpoint)
    {
    }

    /// <summary>Runs once when the run ends: after the last epoch, or when it is cancelled (before the cancellation is thrown).</summary>
    /// <param name="trainer">The trainer.</param>
    /// <param name="end">The history and whether the run was cancelled.</param>
    void OnRunEnd(AdversarialTrainer trainer, RunEnd end)
    {
    }
}
