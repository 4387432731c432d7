using static TorchSharp.torch;

namespace GanKit.Initialization;

/// <summary>
/// Fills a freshly created kernel. Biases are always zero-initialised (Keras' default). Create one
/// through <see cref="Initializers"/>, or derive your own.
/// </summary>
public abstract class Initializer
{
    /// <summary>Fills <paramref name="weight"/> in place from torch's global random stream.</summary>
    /// <param name="weight">The kernel.</param>
    /// <param name="fanIn">Inputs feeding one output unit: input features, or input channels times kernel area.</param>
    /// <param name="fanOut">Output units one input reaches: output features, or output channels times kernel area.</param>
    public void Initialize(Tensor weight, long fanIn, long fanOut) => Initialize(weight, fanIn, fanOut, null);

    /// <summary>
    /// Fills <paramref name="weight"/> in place (called without gradient tracking), drawing from
    /// <paramref name="random"/>: a seeded build passes its own generator, so the weights depend on
    /// the seed alone and torch's global stream is neither read nor advanced.
    /// </summary>
    /// <param name="weight">The kernel.</param>
    /// <param name="fanIn">Inputs feeding one output unit: input features, or input channels times kernel area.</param>
    /// <param name="fanOut">Output units one input reaches: output features, or output channels times kernel area.</param>
    /// <param name="random">The generator to draw from; null for torch's global stream.</param>
    public abstract void Initialize(Tensor weight, long fanIn, long fanOut, Generator? random);
}
