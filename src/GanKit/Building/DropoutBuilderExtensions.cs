using GanKit.Layers;
using TorchSharp;

namespace GanKit;

/// <summary>Adds <see cref="DropoutLayer"/> to a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>.</summary>
public static class DropoutBuilderExtensions
{
    /// <summary>Adds element-wise dropout, active in training mode only.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="probability">Probability of zeroing an element, in [0, 1).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what it needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public static TBuilder Dropout<TBuilder>(this TBuilder builder, double probability)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new DropoutLayer(probability));
    }
}
