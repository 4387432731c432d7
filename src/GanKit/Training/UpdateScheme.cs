namespace GanKit.Training;

/// <summary>
/// How one training step updates the two networks: chooses <see cref="Steps.SimultaneousStep"/> or
/// <see cref="Steps.AlternatingStep"/> unless <see cref="AdversarialTrainerOptions.TrainingStep"/> is set.
/// </summary>
public enum UpdateScheme
{
    /// <summary>
    /// The Keras DCGAN tutorial's step: one generator forward pass, the
    /// discriminator on the real and on the generated batch, both losses from that single pass,
    /// then both networks updated together. Each network's gradients come from its own loss only.
    /// </summary>
    Simultaneous = 0,

    /// <summary>
    /// The PyTorch DCGAN step: a discriminator update on detached generated images, then (every
    /// <see cref="AdversarialTrainerOptions.DiscriminatorSteps"/> batches) a generator update on
    /// fresh noise through the just-updated discriminator.
    /// </summary>
    Alternating = 1,
}
