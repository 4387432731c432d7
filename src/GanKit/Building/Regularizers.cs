using GanKit.Regularization;

namespace GanKit;

/// <summary>Factory for the kernel regularizers GanKit ships.</summary>
public static class Regularizers
{
    /// <summary>Keras' <c>regularizers.l2(coefficient)</c>: <c>coefficient * sum(w^2)</c>.</summary>
    /// <param name="coefficient">The factor; finite and not negative (the modified MNIST preset uses 0.01).</param>
    /// <returns>A new <see cref="L2Regularizer"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="coefficient"/> is negative, NaN or infinite.</exception>
    public static L2Regularizer L2(double coefficient) => new(coefficient);
}
