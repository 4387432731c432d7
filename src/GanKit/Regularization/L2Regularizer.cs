using static TorchSharp.torch;

namespace GanKit.Regularization;

/// <summary>
/// Keras' <c>regularizers.l2(c)</c>: adds <c>c * sum(w^2)</c> to the loss. Note the absence of
/// the factor 1/2 that some texts use; this matches Keras exactly.
/// </summary>
public sealed class L2Regularizer : Regularizer
{
    /// <summary>Creates the regularizer.</summary>
    /// <param name="coefficient">The factor <c>c</c>; finite and not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="coefficient"/> is negative, NaN or infinite.</exception>
    public L2Regularizer(double coefficient)
    {
        if (!double.IsFinite(coefficient) || coefficient < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(coefficient), coefficient, "The L2 coefficient must be a finite number >= 0.");
        }

        Coefficient = coefficient;
    }

    /// <summary>Gets the factor <c>c</c> of <c>c * sum(w^2)</c>.</summary>
    public double Coefficient { get; }

    /// <inheritdoc />
    public override Tensor Penalty(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return weight.square().sum().mul(Coefficient);
    }

    /// <inheritdoc />
    public override string ToString() => $"L2({Coefficient})";
}
