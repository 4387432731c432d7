using GanKit.Initialization;
using GanKit.Regularization;

namespace GanKit.Layers;

/// <summary>
/// Base of <see cref="Conv2dLayer"/> and <see cref="ConvTranspose2dLayer"/>: the square-kernel
/// description both share (filters, kernel size, stride, padding) and its validation. They differ
/// only in how padding turns into an output size and in the module they create.
/// </summary>
public abstract class ConvolutionLayer : KernelLayer
{
    /// <summary>Checks and stores the description; arguments in Keras' order.</summary>
    /// <param name="filters">Output channels; positive.</param>
    /// <param name="kernel">Kernel height and width; positive.</param>
    /// <param name="stride">Stride in both directions; positive.</param>
    /// <param name="padding">Padding; see <see cref="ConvolutionPadding"/>.</param>
    /// <param name="bias">Whether the layer adds a bias.</param>
    /// <param name="initializer">Kernel initializer; null for Glorot uniform.</param>
    /// <param name="regularizer">Kernel regularizer; null for none.</param>
    /// <param name="spectralNorm">Whether the kernel is spectrally normalised.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="filters"/>, <paramref name="kernel"/> or <paramref name="stride"/> is not positive.</exception>
    private protected ConvolutionLayer(long filters, long kernel, long stride, ConvolutionPadding padding, bool bias, Initializer? initializer, Regularizer? regularizer, bool spectralNorm)
        : base(bias, initializer, regularizer, spectralNorm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        Filters = filters;
        KernelSize = kernel;
        Stride = stride;
        Padding = padding;
    }

    /// <summary>Gets the number of output channels.</summary>
    public long Filters { get; }

    /// <summary>Gets the kernel height and width.</summary>
    public long KernelSize { get; }

    /// <summary>Gets the stride. The default value is 1.</summary>
    public long Stride { get; }

    /// <summary>Gets the padding. The default value is <see cref="ConvolutionPadding.Valid"/>.</summary>
    public ConvolutionPadding Padding { get; }
}
