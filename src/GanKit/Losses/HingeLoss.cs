using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Losses;

/// <summary>
/// The hinge GAN loss used with spectral normalisation (SNGAN, BigGAN).
/// </summary>
/// <remarks>
/// Discriminator: <c>mean(relu(1 - real)) + mean(relu(1 + fake))</c>, so logits beyond the margin
/// stop contributing; generator: <c>-mean(fake)</c>.
/// </remarks>
public sealed class HingeLoss : IAdversarialLoss
{
    /// <inheritdoc />
    public string Name => "hinge";

    /// <inheritdoc />
    public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var realMargin = realLogits.neg().add_(1.0);
        using var realHinge = nn.functional.relu(realMargin);
        using var realMean = realHinge.mean();
        using var fakeMargin = fakeLogits + 1.0;
        using var fakeHinge = nn.functional.relu(fakeMargin);
        using var fakeMean = fakeHinge.mean();
        return realMean + fakeMean;
    }

    /// <inheritdoc />
    public Tensor GeneratorLoss(Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var mean = fakeLogits.mean();
        return mean.neg();
    }

    /// <inheritdoc />
    /// <remarks>The raw mean: a score measured against the margin of 1, not a probability.</remarks>
    public Tensor Score(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return logits.detach().mean();
    }
}
