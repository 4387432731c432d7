using GanKit.Initialization;
using GanKit.Layers;
using GanKit.Regularization;
using TorchSharp;

namespace GanKit;

/// <summary>Adds <see cref="ConvTranspose2dLayer"/> to a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>.</summary>
public static class ConvTranspose2dBuilderExtensions
{
    /// <summary>Adds a 2-D transposed convolution; arguments in Keras' order (filters, kernel, stride, padding).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="filters">Output channels; positive.</param>
    /// <param name="kernel">Kernel height and width; positive.</param>
    /// <param name="stride">Stride; positive.</param>
    /// <param name="padding"><c>Padding.Same</c> or <c>Padding.Valid</c> (Keras semantics) or an explicit amount per side; see <see cref="ConvolutionPadding"/>.</param>
    /// <param name="bias">Whether the layer adds a (zero-initialised) bias.</param>
    /// <param name="initializer">Kernel initializer; null for Glorot uniform (Keras' default).</param>
    /// <param name="regularizer">Kernel regularizer, for example <c>Regularizers.L2(0.01)</c>; null for none.</param>
    /// <param name="spectralNorm">Whether the kernel is spectrally normalised.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what it needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public static TBuilder ConvTranspose2d<TBuilder>(this TBuilder builder, long filters, long kernel, long stride = LayerDefaults.Stride, ConvolutionPadding padding = default, bool bias = LayerDefaults.UseBias, Initializer? initializer = null, Regularizer? regularizer = null, bool spectralNorm = LayerDefaults.SpectralNorm)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new ConvTranspose2dLayer(filters, kernel, stride, padding, bias, initializer, regularizer, spectralNorm));
    }
}
