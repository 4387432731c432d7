using static TorchSharp.torch;

namespace GanKit.Losses;

/// <summary>
/// The Wasserstein GAN loss: the discriminator is a critic whose outputs are scores, not log-odds.
/// </summary>
/// <remarks>
/// Critic: <c>mean(fake) - mean(real)</c>; generator: <c>-mean(fake)</c>. The critic must be kept
/// Lipschitz, so pair this loss with <see cref="Regularization.GradientPenalty"/> (WGAN-GP) or
/// spectral normalisation, and usually with several discriminator steps per generator step.
/// </remarks>
public sealed class WassersteinLoss : IAdversarialLoss
{
    /// <inheritdoc />
    public string Name => "wasserstein";

    /// <inheritdoc />
    public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var realMean = realLogits.mean();
        using var fakeMean = fakeLogits.mean();
        return fakeMean - realMean;
    }

    /// <inheritdoc />
    public Tensor GeneratorLoss(Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var mean = fakeLogits.mean();
        return mean.neg();
    }

    /// <inheritdoc />
    /// <remarks>The raw mean: a critic score, not a probability.</remarks>
    public Tensor Score(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return logits.detach().mean();
    }
}
