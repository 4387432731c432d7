namespace GanKit.Training.Steps;

/// <summary>
/// The Keras tutorial's step, and GanKit's default: one generator pass, the discriminator once on real
/// and once on generated images, both losses from that pass, both networks updated together.
/// </summary>
public sealed class SimultaneousStep : ITrainingStep
{
    /// <inheritdoc />
    public string Name => "simultaneous";

    /// <inheritdoc />
    public StepOutcome Run(StepContext context, TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(batch);
        var real = batch.Images;
        var fake = context.Generator.call(context.Noise());
        var realLogits = context.Discriminator.call(real);
        var fakeLogits = context.Discriminator.call(fake);
        var generatorLoss = context.GeneratorLoss(realLogits, fakeLogits);
        var discriminatorLoss = context.DiscriminatorLoss(real, fake, realLogits, fakeLogits);
        context.UpdateBoth(generatorLoss, discriminatorLoss);
        return new StepOutcome(discriminatorLoss.detach(), generatorLoss.detach(), realLogits.detach(), fakeLogits.detach());
    }
}
