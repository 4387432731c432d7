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
        var labels = context.FakeLabels();
        var real = context.Judge(batch.Images, batch.Labels);
        var fake = context.Judge(context.Generate(context.Noise(), labels), labels);

        // The discriminator should give an image and its mirror image the same logit.
        var mirrored = context.Judge(batch.Images.flip(3), batch.Labels).Logits;
        var discriminatorLoss = context.DiscriminatorLoss(real, fake)
            + (real.Logits - mirrored).square().mean().mul(10.0);
        var generatorLoss = context.GeneratorLoss(real, fake);
        context.UpdateBoth(generatorLoss, discriminatorLoss);
        return new StepOutcome(discriminatorLoss.detach(), generatorLoss.detach(), real.Logits.detach(), fake.Logits.detach());
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
