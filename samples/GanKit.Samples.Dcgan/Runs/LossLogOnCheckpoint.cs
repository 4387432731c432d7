using GanKit.Training;
using GanKit.Training.Callbacks;
using GanKit.Checkpoints;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>Writes <c>losses.csv</c> whenever the trainer writes a checkpoint.</summary>
internal sealed class LossLogOnCheckpoint(LossLog log) : ITrainingCallback
{
    public void OnCheckpointSaved(AdversarialTrainer trainer, CheckpointInfo checkpoint) => log.Save();
}
