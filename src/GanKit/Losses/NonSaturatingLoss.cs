using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Losses;

/// <summary>
/// The non-saturating GAN loss: binary cross-entropy on logits, with the generator trained to make
/// the discriminator call its images real. This is the Keras DCGAN tutorial's loss and the default.
/// </summary>
/// <remarks>
/// Discriminator: <c>BCE(real, 1) + BCE(fake, 0)</c>, each a batch mean, summed as the tutorial does.
/// Generator: <c>BCE(fake, 1)</c>, which keeps strong gradients early in training where the
/// minimax form's <c>log(1 - D(G(z)))</c> saturates.
/// </remarks>
public sealed class NonSaturatingLoss : IAdversarialLoss
{
    /// <inheritdoc />
    public string Name => "non-saturating";

    /// <inheritdoc />
    public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits) => BinaryCrossEntropyDiscriminatorLoss(realLogits, fakeLogits);

    /// <inheritdoc />
    public Tensor GeneratorLoss(Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var ones = torch.ones_like(fakeLogits);
        return nn.functional.binary_cross_entropy_with_logits(fakeLogits, ones);
    }

    /// <summary>
    /// <c>BCE(real, 1) + BCE(fake, 0)</c>: the discriminator term shared with <see cref="MinimaxLoss"/>,
    /// which differs only in the generator's term.
    /// </summary>
    internal static Tensor BinaryCrossEntropyDiscriminatorLoss(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var ones = torch.ones_like(realLogits);
        using var zeros = torch.zeros_like(fakeLogits);
        using var realLoss = nn.functional.binary_cross_entropy_with_logits(realLogits, ones);
        using var fakeLoss = nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros);
        return realLoss + fakeLoss;
    }
}
