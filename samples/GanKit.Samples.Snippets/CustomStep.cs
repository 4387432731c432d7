using GanKit.Losses;
using GanKit.Training;
using GanKit.Training.Steps;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Your own training step".</summary>
internal sealed class ConsistencyStep : ITrainingStep
{
    public string Name => "consistency";

    public StepOutcome Run(StepContext context, TrainingBatch batch)
    {
        var real = batch.Images;
        var fake = context.Generator.call(context.Noise());
        var realLogits = context.Discriminator.call(real);
        var fakeLogits = context.Discriminator.call(fake);

        // The discriminator should give an image and its mirror image the same logit.
        var mirrored = context.Discriminator.call(real.flip(3));
        var discriminatorLoss = context.DiscriminatorLoss(real, fake, realLogits, fakeLogits)
            + (realLogits - mirrored).square().mean().mul(10.0);
        var generatorLoss = context.GeneratorLoss(realLogits, fakeLogits);
        context.UpdateBoth(generatorLoss, discriminatorLoss);
        return new StepOutcome(discriminatorLoss.detach(), generatorLoss.detach(), realLogits.detach(), fakeLogits.detach());
    }
}

/// <summary>README, "Your own training step": using it, with the relativistic loss.</summary>
internal static class CustomStepOptions
{
    public static AdversarialTrainerOptions Options() => new()
    {
        TrainingStep = new ConsistencyStep(),
        Loss = new RelativisticAverageLoss(),
    };
}
