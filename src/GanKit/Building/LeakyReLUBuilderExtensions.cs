using GanKit.Layers;
using TorchSharp;

namespace GanKit;

/// <summary>Adds <see cref="LeakyReLULayer"/> to a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>.</summary>
public static class LeakyReLUBuilderExtensions
{
    /// <summary>Adds a leaky ReLU (default slope 0.3, as Keras).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="slope">Slope for negative inputs; not negative.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what it needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public static TBuilder LeakyReLU<TBuilder>(this TBuilder builder, double slope = LayerDefaults.LeakyReLUSlope)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new LeakyReLULayer(slope));
    }
}
