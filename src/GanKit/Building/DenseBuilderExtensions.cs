using GanKit.Initialization;
using GanKit.Layers;
using GanKit.Regularization;
using TorchSharp;

namespace GanKit;

/// <summary>Adds <see cref="DenseLayer"/> to a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>.</summary>
public static class DenseBuilderExtensions
{
    /// <summary>Adds a fully connected layer on a flat input.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="units">Output features; positive.</param>
    /// <param name="bias">Whether the layer adds a (zero-initialised) bias.</param>
    /// <param name="initializer">Kernel initializer; null for Glorot uniform (Keras' default).</param>
    /// <param name="regularizer">Kernel regularizer, for example <c>Regularizers.L2(0.01)</c>; null for none.</param>
    /// <param name="spectralNorm">Whether the kernel is spectrally normalised.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what it needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public static TBuilder Dense<TBuilder>(this TBuilder builder, long units, bool bias = LayerDefaults.UseBias, Initializer? initializer = null, Regularizer? regularizer = null, bool spectralNorm = LayerDefaults.SpectralNorm)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new DenseLayer(units, bias, initializer, regularizer, spectralNorm));
    }
}
