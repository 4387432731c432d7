using GanKit.Internal;
using GanKit.Layers;
using GanKit.Networks;
using GanKit.Runtime;

namespace GanKit;

/// <summary>
/// Describes a discriminator layer by layer, from a sample to one logit, checking every shape the
/// moment a layer is added. Layers are added with the fluent methods in this namespace
/// (<c>Conv2d</c>, <c>LeakyReLU</c>, <c>Flatten</c>, <c>Dense</c>, ...) or <see cref="NetworkBuilder{TBuilder}.Add(ILayer)"/>.
/// </summary>
/// <example>
/// <code>
/// var discriminator = new DiscriminatorBuilder(1, 28, 28)
///     .Conv2d(64, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
///     .Flatten()
///     .Dense(1)
///     .Build();
/// </code>
/// </example>
public sealed class DiscriminatorBuilder : NetworkBuilder<DiscriminatorBuilder>
{
    /// <summary>Starts a discriminator for samples of <paramref name="inputShape"/>.</summary>
    /// <param name="inputShape">The per-sample shape, channels first (for MNIST <c>1, 28, 28</c>); positive sizes.</param>
    /// <exception cref="ArgumentException"><paramref name="inputShape"/> is empty or has a size that is not positive.</exception>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded; the message names the cause and the fix.</exception>
    public DiscriminatorBuilder(params long[] inputShape) : base(CheckShape(inputShape))
    {
    }

    /// <summary>Builds the discriminator, with freshly initialised weights. Works once.</summary>
    /// <param name="seed">
    /// Seeds the build's own generator, from which every initial weight is drawn: the same seed
    /// gives bit-identical weights in any process, and torch's global random stream is left as it
    /// was. Null draws from torch's global stream instead.
    /// </param>
    /// <returns>The network.</returns>
    /// <exception cref="InvalidOperationException">No layer was added, the last layer does not produce one logit per sample, or <c>Build()</c> was already called.</exception>
    public DiscriminatorNetwork Build(long? seed = null)
    {
        var layers = Layers;
        int head = layers.ToList().FindIndex(l => l is AuxiliaryClassifierLayer);
        if (head >= 0 && head != layers.Count - 1)
        {
            throw new InvalidOperationException($"Layer {head} (AuxiliaryClassifier) must be the discriminator's last layer; {layers.Count - 1 - head} layer(s) follow it.");
        }

        if (head < 0 && CurrentShape is not [1])
        {
            throw new InvalidOperationException($"A discriminator must end with one logit per sample, shape [1]; it ends with {Shapes.Format(CurrentShape)}. Add Flatten() and Dense(1).");
        }

        var stack = TakeStack("discriminator");
        using var random = SeededRandom(seed);
        return new(stack, random);
    }

    private static long[] CheckShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length == 0 || inputShape.Any(d => d <= 0))
        {
            throw new ArgumentException($"The input shape needs at least one dimension and positive sizes; got {Shapes.Format(inputShape)}.", nameof(inputShape));
        }

        return inputShape;
    }
}
