using static TorchSharp.torch;

namespace GanKit.Initialization;

/// <summary>
/// Fills a freshly created kernel. Biases are always zero-initialised (Keras' default). Create one
/// through <see cref="Initializers"/>, or derive your own.
/// </summary>
public abstract class Initializer
{
    /// <summary>Fills <paramref name="weight"/> in place (called without gradient tracking).</summary>
    /// <param name="weight">The kernel.</param>
    /// <param name="fanIn">Inputs feeding one output unit: input features, or input channels times kernel area.</param>
    /// <param name="fanOut">Output units one input reaches: output features, or output channels times kernel area.</param>
    public abstract void Initialize(Tensor weight, long fanIn, long fanOut);
}
