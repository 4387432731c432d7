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
        var fakeLabels = context.FakeLabels();
        TorchSharp.torch.Tensor fake;
        using (torch.no_grad())
        {
            fake = context.Generate(context.Noise(), fakeLabels);
        }

        var real = context.Judge(batch.Images, batch.Labels);
        var judgedFake = context.Judge(fake, fakeLabels);
        var discriminatorLoss = context.DiscriminatorLoss(real, judgedFake);
        context.UpdateDiscriminator(discriminatorLoss);

        TorchSharp.torch.Tensor? generatorLoss = null;
        if (batch.Index % DiscriminatorSteps == 0)
        {
            var freshLabels = context.FakeLabels();
            var fresh = context.Judge(context.Generate(context.Noise(), freshLabels), freshLabels);

            // A loss that compares with the real logits (RaGAN) sees the updated discriminator's.
            var currentReal = context.Loss.GeneratorUsesRealLogits ? context.Judge(batch.Images, batch.Labels) : real;
            var loss = context.GeneratorLoss(currentReal, fresh);
            context.UpdateGenerator(loss);
            generatorLoss = loss.detach();
        }

        return new StepOutcome(discriminatorLoss.detach(), generatorLoss, real.Logits.detach(), judgedFake.Logits.detach());
    }
}
