using static TorchSharp.torch;

namespace GanKit.Initialization;

/// <summary>
/// He/Kaiming uniform: uniform on <c>[-b, b]</c> with <c>b = sqrt(6 / ((1 + a^2) * fanIn))</c>. With
/// the default <c>a = sqrt(5)</c> this is PyTorch's default layer initialisation (<c>b = 1/sqrt(fanIn)</c>).
/// </summary>
public sealed class KaimingUniformInitializer : Initializer
{
    /// <summary>PyTorch's <c>a</c> for its default layer initialisation.</summary>
    public static readonly double PyTorchDefaultNegativeSlope = Math.Sqrt(5);

    /// <summary>Creates the initializer.</summary>
    /// <param name="negativeSlope">The <c>a</c> of the leaky ReLU the gain is computed for.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is NaN or infinite.</exception>
    public KaimingUniformInitializer(double negativeSlope)
    {
        if (!double.IsFinite(negativeSlope))
        {
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, "The negative slope must be finite.");
        }

        NegativeSlope = negativeSlope;
    }

    /// <summary>Gets the <c>a</c> of the leaky ReLU the gain is computed for.</summary>
    public double NegativeSlope { get; }

    /// <summary>Gets the bound of the uniform range for <paramref name="fanIn"/>.</summary>
    /// <param name="fanIn">The fan-in.</param>
    /// <returns>The bound.</returns>
    public double Bound(long fanIn) => Math.Sqrt(6.0 / ((1 + (NegativeSlope * NegativeSlope)) * fanIn));

    /// <inheritdoc />
    public override void Initialize(Tensor weight, long fanIn, long fanOut, Generator? random)
    {
        ArgumentNullException.ThrowIfNull(weight);
        double bound = Bound(fanIn);
        using (no_grad())
        {
            weight.uniform_(-bound, bound, random);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"KaimingUniform(a={NegativeSlope})";
}
