using static TorchSharp.torch;

namespace GanKit.Training.Steps;

/// <summary>What one training step reports back to the trainer.</summary>
/// <param name="DiscriminatorLoss">The discriminator's loss of the step (0-dim), penalties and regularisation included.</param>
/// <param name="GeneratorLoss">The generator's loss (0-dim), or null when the step did not update the generator.</param>
/// <param name="RealLogits">The discriminator's outputs on the real batch; reported as D(x) through <see cref="Losses.IAdversarialLoss.Score"/>.</param>
/// <param name="FakeLogits">Its outputs on generated images; reported as D(G(z)).</param>
public sealed record StepOutcome(Tensor DiscriminatorLoss, Tensor? GeneratorLoss, Tensor RealLogits, Tensor FakeLogits);
