using static TorchSharp.torch;

namespace GanKit.Training;

/// <summary>
/// Data of <see cref="AdversarialTrainer.StepCompleted"/>. The loss tensors live on the training
/// device and are valid only during the handler: reading one (<c>item&lt;float&gt;()</c>) makes the
/// host wait for the device, which is the handler's choice to make.
/// </summary>
public sealed class TrainingStepEventArgs : EventArgs
{
    internal TrainingStepEventArgs(int epoch, long step, long batchInEpoch, Tensor discriminatorLoss, Tensor? generatorLoss, bool isLastOfEpoch)
    {
        IsLastOfEpoch = isLastOfEpoch;
        Epoch = epoch;
        Step = step;
        BatchInEpoch = batchInEpoch;
        DiscriminatorLoss = discriminatorLoss;
        GeneratorLoss = generatorLoss;
    }

    /// <summary>Gets the epoch, counted from 1.</summary>
    public int Epoch { get; }

    /// <summary>Gets the training steps (batches) since the run began, this one included.</summary>
    public long Step { get; }

    /// <summary>Gets the batches done in the current epoch, this one included.</summary>
    public long BatchInEpoch { get; }

    /// <summary>Gets this step's discriminator loss, a 0-dimensional tensor on the device.</summary>
    public Tensor DiscriminatorLoss { get; }

    /// <summary>Gets this step's generator loss, or null when the step updated only the discriminator.</summary>
    public Tensor? GeneratorLoss { get; }

    /// <summary>Gets whether this was the epoch's last step.</summary>
    public bool IsLastOfEpoch { get; }
}
