using GanKit.Layers;
using TorchSharp;

namespace GanKit;

/// <summary>Adds <see cref="TanhLayer"/> to a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>.</summary>
public static class TanhBuilderExtensions
{
    /// <summary>Adds a tanh.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what it needs.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public static TBuilder Tanh<TBuilder>(this TBuilder builder)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new TanhLayer());
    }
}
