using GanKit.Layers;
using TorchSharp;

namespace GanKit;

/// <summary>Adds <see cref="UpsampleLayer"/> to a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>.</summary>
public static class UpsampleBuilderExtensions
{
    /// <summary>Adds nearest-neighbour upsampling by an integer factor.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="scale">Factor for height and width; positive.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what it needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public static TBuilder Upsample<TBuilder>(this TBuilder builder, long scale = LayerDefaults.UpsampleScale)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new UpsampleLayer(scale));
    }
}
