using static TorchSharp.torch;

namespace GanKit.Regularization;

/// <summary>
/// A module that contributes a penalty to the training loss, such as a kernel L2 term
/// (Keras' <c>kernel_regularizer</c>). <c>RegularizationLoss()</c> (of both
/// networks) sums the terms of every such module the network holds.
/// </summary>
public interface IRegularizedModule
{
    /// <summary>
    /// Computes this module's penalty as a 0-dim tensor that carries gradient to the penalised
    /// weights, or returns null when the module has no penalty configured.
    /// </summary>
    /// <returns>The penalty, or null.</returns>
    Tensor? RegularizationLoss();
}
