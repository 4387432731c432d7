using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Losses;

/// <summary>
/// The original minimax GAN loss: the generator minimises <c>log(1 - D(G(z)))</c> directly.
/// </summary>
/// <remarks>
/// The discriminator term equals <see cref="NonSaturatingLoss"/>'s. The generator term is
/// <c>mean(log(1 - sigmoid(fake)))</c>, computed as <c>-mean(softplus(fake))</c> so it stays finite
/// for large logits. It saturates when the discriminator wins, which is why it is rarely the choice.
/// </remarks>
public sealed class MinimaxLoss : IAdversarialLoss
{
    /// <inheritdoc />
    public string Name => "minimax";

    /// <inheritdoc />
    public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits) =>
        NonSaturatingLoss.BinaryCrossEntropyDiscriminatorLoss(realLogits, fakeLogits);

    /// <inheritdoc />
    public Tensor GeneratorLoss(Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var softplus = nn.functional.softplus(fakeLogits);
        using var mean = softplus.mean();
        return mean.neg();
    }
}
