using static TorchSharp.torch;

namespace GanKit.Losses;

/// <summary>
/// The least-squares GAN loss (LSGAN, targets 0 for fake and 1 for real).
/// </summary>
/// <remarks>
/// Discriminator: <c>0.5 * mean((real - 1)^2) + 0.5 * mean(fake^2)</c>; generator:
/// <c>0.5 * mean((fake - 1)^2)</c>. The quadratic penalises generated images in proportion to how far
/// they sit from the decision boundary, which gives gradients where the cross-entropy would vanish.
/// </remarks>
public sealed class LeastSquaresLoss : IAdversarialLoss
{
    /// <inheritdoc />
    public string Name => "least-squares";

    /// <inheritdoc />
    public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var realOff = realLogits - 1.0;
        using var realSquare = realOff.square();
        using var realMean = realSquare.mean();
        using var fakeSquare = fakeLogits.square();
        using var fakeMean = fakeSquare.mean();
        using var sum = realMean + fakeMean;
        return sum.mul(0.5);
    }

    /// <inheritdoc />
    public Tensor GeneratorLoss(Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var off = fakeLogits - 1.0;
        using var square = off.square();
        using var mean = square.mean();
        return mean.mul(0.5);
    }

    /// <inheritdoc />
    /// <remarks>The raw mean: the raw output, whose targets are 1 for real and 0 for fake.</remarks>
    public Tensor Score(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return logits.detach().mean();
    }
}
