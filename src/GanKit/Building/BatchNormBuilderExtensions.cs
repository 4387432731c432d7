using GanKit.Layers;
using TorchSharp;

namespace GanKit;

/// <summary>Adds <see cref="BatchNormLayer"/> to a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>.</summary>
public static class BatchNormBuilderExtensions
{
    /// <summary>Adds batch normalisation with Keras' conventions (momentum 0.99 is PyTorch's 0.01).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="epsilon">Added to the variance; positive.</param>
    /// <param name="momentum">Keras momentum, the weight of the old running statistic, in [0, 1).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what it needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public static TBuilder BatchNorm<TBuilder>(this TBuilder builder, double epsilon = LayerDefaults.BatchNormEpsilon, double momentum = LayerDefaults.BatchNormMomentum)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new BatchNormLayer(epsilon, momentum));
    }
}
