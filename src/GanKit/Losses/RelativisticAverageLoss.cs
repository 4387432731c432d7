using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Losses;

/// <summary>
/// The relativistic average GAN loss with cross-entropy (RaSGAN, Jolicoeur-Martineau 2018,
/// "The relativistic discriminator: a key element missing from standard GAN"): the discriminator
/// judges whether a real image looks more real than the average generated one, and the generator
/// learns from both terms, so real images contribute to its gradient as well.
/// </summary>
/// <remarks>
/// With <c>r</c> the real logits and <c>f</c> the fake ones, and <c>BCE(x, t)</c> the mean binary
/// cross-entropy on logits:
/// discriminator <c>(BCE(r - mean(f), 1) + BCE(f - mean(r), 0)) / 2</c>;
/// generator <c>(BCE(r - mean(f), 0) + BCE(f - mean(r), 1)) / 2</c>, halved as in the paper's code.
/// </remarks>
public sealed class RelativisticAverageLoss : IAdversarialLoss
{
    /// <inheritdoc />
    public string Name => "relativistic-average";

    /// <inheritdoc />
    public bool GeneratorUsesRealLogits => true;

    /// <inheritdoc />
    public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits) => Relative(realLogits, fakeLogits, realTarget: 1.0);

    /// <inheritdoc />
    public Tensor GeneratorLoss(Tensor realLogits, Tensor fakeLogits) => Relative(realLogits, fakeLogits, realTarget: 0.0);

    /// <summary>Not available: the relativistic generator loss needs the real logits too.</summary>
    /// <param name="fakeLogits">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always; call <see cref="GeneratorLoss(Tensor, Tensor)"/>.</exception>
    public Tensor GeneratorLoss(Tensor fakeLogits) =>
        throw new NotSupportedException($"{nameof(RelativisticAverageLoss)} compares generated with real logits; call GeneratorLoss(realLogits, fakeLogits).");

    private static Tensor Relative(Tensor realLogits, Tensor fakeLogits, double realTarget)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var scope = torch.NewDisposeScope();
        var realVersusFake = realLogits - fakeLogits.mean();
        var fakeVersusReal = fakeLogits - realLogits.mean();
        var realTerm = nn.functional.binary_cross_entropy_with_logits(realVersusFake, torch.full_like(realVersusFake, realTarget));
        var fakeTerm = nn.functional.binary_cross_entropy_with_logits(fakeVersusReal, torch.full_like(fakeVersusReal, 1.0 - realTarget));
        return ((realTerm + fakeTerm) * 0.5).MoveToOuterDisposeScope();
    }
}
