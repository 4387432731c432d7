using TorchSharp;

namespace GanKit.Training.Steps;

/// <summary>
/// The PyTorch DCGAN step: the discriminator learns from detached generated images; then, every
/// <see cref="DiscriminatorSteps"/>-th batch, the generator learns through the updated
/// discriminator from fresh noise.
/// </summary>
public sealed class AlternatingStep : ITrainingStep
{
    /// <summary>Creates the step.</summary>
    /// <param name="discriminatorSteps">Discriminator updates per generator update; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="discriminatorSteps"/> is below 1.</exception>
    public AlternatingStep(int discriminatorSteps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(discriminatorSteps);
        DiscriminatorSteps = discriminatorSteps;
    }

    /// <summary>Gets the discriminator updates per generator update.</summary>
    public int DiscriminatorSteps { get; }

    /// <inheritdoc />
    public string Name => "alternating";

    /// <inheritdoc />
    public StepOutcome Run(StepContext context, TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(batch);
        var real = batch.Images;
        TorchSharp.torch.Tensor fake;
        using (torch.no_grad())
        {
            fake = context.Generator.call(context.Noise());
        }

        var realLogits = context.Discriminator.call(real);
        var fakeLogits = context.Discriminator.call(fake);
        var discriminatorLoss = context.DiscriminatorLoss(real, fake, realLogits, fakeLogits);
        context.UpdateDiscriminator(discriminatorLoss);

        TorchSharp.torch.Tensor? generatorLoss = null;
        if (batch.Index % DiscriminatorSteps == 0)
        {
            var freshLogits = context.Discriminator.call(context.Generator.call(context.Noise()));

            // A loss that compares with the real logits (RaGAN) sees the updated discriminator's.
            var currentRealLogits = context.Loss.GeneratorUsesRealLogits ? context.Discriminator.call(real) : realLogits;
            var loss = context.GeneratorLoss(currentRealLogits, freshLogits);
            context.UpdateGenerator(loss);
            generatorLoss = loss.detach();
        }

        return new StepOutcome(discriminatorLoss.detach(), generatorLoss, realLogits.detach(), fakeLogits.detach());
    }
}
