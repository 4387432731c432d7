using static TorchSharp.torch;

namespace GanKit.Regularization;

/// <summary>
/// A penalty on a layer's kernel that is added to the loss (Keras' <c>kernel_regularizer</c>).
/// Create one through <see cref="Regularizers"/>, or derive your own.
/// </summary>
public abstract class Regularizer
{
    /// <summary>Computes the penalty of <paramref name="weight"/> as a 0-dim tensor that carries gradient to it.</summary>
    /// <param name="weight">The kernel being penalised.</param>
    /// <returns>The penalty.</returns>
    public abstract Tensor Penalty(Tensor weight);
}
