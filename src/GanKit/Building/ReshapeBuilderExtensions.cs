using GanKit.Layers;
using TorchSharp;

namespace GanKit;

/// <summary>Adds <see cref="ReshapeLayer"/> to a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>.</summary>
public static class ReshapeBuilderExtensions
{
    /// <summary>Reshapes each sample; channels first (Keras' <c>Reshape((7, 7, 256))</c> is <c>Reshape(256, 7, 7)</c>).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="shape">The per-sample target shape; at most one -1.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what it needs.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public static TBuilder Reshape<TBuilder>(this TBuilder builder, params long[] shape)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new ReshapeLayer(shape));
    }
}
