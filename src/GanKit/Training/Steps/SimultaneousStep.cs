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
        var fakeLabels = context.FakeLabels();
        var fake = context.Generate(context.Noise(), fakeLabels);
        var real = context.Judge(batch.Images, batch.Labels);
        var judgedFake = context.Judge(fake, fakeLabels);
        var generatorLoss = context.GeneratorLoss(real, judgedFake);
        var discriminatorLoss = context.DiscriminatorLoss(real, judgedFake);
        context.UpdateBoth(generatorLoss, discriminatorLoss);
        return new StepOutcome(discriminatorLoss.detach(), generatorLoss.detach(), real.Logits.detach(), judgedFake.Logits.detach());
    }
}
