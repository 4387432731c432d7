using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Losses;

/// <summary>
/// The AC-GAN classification loss (Odena et al., 2017) for a discriminator that ends with an
/// auxiliary classifier head: cross-entropy of the class logits against the labels. The
/// discriminator learns to classify real and generated images alike; the generator learns to make
/// images of the class it was asked for. Each term is a batch mean, scaled by <see cref="Weight"/>
/// and added to that network's adversarial loss.
/// </summary>
/// <remarks>
/// Discriminator: <c>Weight · (CE(real) + CE(fake))</c>, or <c>Weight · CE(real)</c> with
/// <see cref="FakeTrainsDiscriminator"/> off (some later variants find the fake term lets the
/// discriminator favour easily classified images). Generator: <c>Weight · CE(fake)</c>.
/// </remarks>
public sealed class AuxiliaryClassifierLoss
{
    /// <summary>Default of <see cref="Weight"/>: 1, as in the AC-GAN paper.</summary>
    internal const double DefaultWeight = 1.0;

    /// <summary>Creates the loss.</summary>
    /// <param name="weight">The factor on each classification term; finite and positive.</param>
    /// <param name="fakeTrainsDiscriminator">Whether the discriminator also learns to classify generated images, as in the paper.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not finite and positive.</exception>
    public AuxiliaryClassifierLoss(double weight = DefaultWeight, bool fakeTrainsDiscriminator = true)
    {
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The auxiliary classifier loss weight must be a finite number > 0.");
        }

        Weight = weight;
        FakeTrainsDiscriminator = fakeTrainsDiscriminator;
    }

    /// <summary>Gets the factor on each classification term.</summary>
    public double Weight { get; }

    /// <summary>Gets whether the discriminator also learns to classify generated images.</summary>
    public bool FakeTrainsDiscriminator { get; }

    /// <summary>The discriminator's classification term.</summary>
    /// <param name="realClassLogits">Class logits of the real images, <c>[N, K]</c>.</param>
    /// <param name="realLabels">Their labels, int64 <c>[N]</c>.</param>
    /// <param name="fakeClassLogits">Class logits of the generated images, <c>[M, K]</c>.</param>
    /// <param name="fakeLabels">The labels they were generated for, int64 <c>[M]</c>.</param>
    /// <returns>A 0-dim tensor.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Tensor DiscriminatorLoss(Tensor realClassLogits, Tensor realLabels, Tensor fakeClassLogits, Tensor fakeLabels)
    {
        ArgumentNullException.ThrowIfNull(fakeClassLogits);
        ArgumentNullException.ThrowIfNull(fakeLabels);
        var real = CrossEntropy(realClassLogits, realLabels);
        return FakeTrainsDiscriminator ? real.add(CrossEntropy(fakeClassLogits, fakeLabels)) : real;
    }

    /// <summary>The generator's classification term.</summary>
    /// <param name="fakeClassLogits">Class logits of the generated images, <c>[M, K]</c>, with gradient to the generator.</param>
    /// <param name="fakeLabels">The labels they were generated for, int64 <c>[M]</c>.</param>
    /// <returns>A 0-dim tensor.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Tensor GeneratorLoss(Tensor fakeClassLogits, Tensor fakeLabels) => CrossEntropy(fakeClassLogits, fakeLabels);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"AuxiliaryClassifier({Weight}, fake trains D: {FakeTrainsDiscriminator})");

    private Tensor CrossEntropy(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        using var loss = nn.functional.cross_entropy(logits, labels);
        return loss.mul(Weight);
    }
}
