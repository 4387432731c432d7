using GanKit.Internal;
using GanKit.Layers;
using GanKit.Runtime;

namespace GanKit;

/// <summary>
/// The shared part of <see cref="GeneratorBuilder"/> and <see cref="DiscriminatorBuilder"/>: records
/// layer descriptions, checks each against the running shape the moment it is added, and builds
/// the network once.
/// </summary>
/// <typeparam name="TBuilder">The concrete builder, returned by every fluent method.</typeparam>
public abstract class NetworkBuilder<TBuilder>
    where TBuilder : NetworkBuilder<TBuilder>
{
    private readonly List<(ILayer Layer, long[] Input, long[] Output)> stack = [];
    private readonly long[] inputShape;
    private bool built;

    private protected NetworkBuilder(long[] inputShape)
    {
        TorchRuntime.EnsureAvailable();
        this.inputShape = (long[])inputShape.Clone();
        CurrentShape = (long[])inputShape.Clone();
    }

    /// <summary>Gets the per-sample shape the next layer will receive.</summary>
    public long[] CurrentShape { get; private set; }

    /// <summary>Gets the per-sample shape the network takes.</summary>
    public long[] InputShape => (long[])inputShape.Clone();

    /// <summary>Gets the layers added so far, in order.</summary>
    public IReadOnlyList<ILayer> Layers => stack.Select(s => s.Layer).ToArray();

    /// <summary>
    /// Appends a layer, built-in or your own, after checking it accepts the running shape.
    /// </summary>
    /// <param name="layer">The layer description.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException">The layer cannot take the running shape; the message names the layer's index and kind, the shape that came in and what the layer needs.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its network.</exception>
    public TBuilder Add(ILayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ThrowIfBuilt();
        long[] output;
        try
        {
            output = layer.InferOutputShape((long[])CurrentShape.Clone());
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Layer {stack.Count} ({layer.Kind}) cannot take input shape {Shapes.Format(CurrentShape)}: {e.Message}", nameof(layer), e);
        }

        if (output is null || output.Length == 0 || output.Any(d => d <= 0))
        {
            throw new ArgumentException($"Layer {stack.Count} ({layer.Kind}) maps input shape {Shapes.Format(CurrentShape)} to an invalid shape {Shapes.Format(output ?? [])}; every size must be positive.", nameof(layer));
        }

        if (layer is IConditionalLayer conditional && stack.FindIndex(s => s.Layer is IConditionalLayer other && other.ClassCount != conditional.ClassCount) is var earlier and >= 0)
        {
            throw new ArgumentException($"Layer {stack.Count} ({layer.Kind}) reads {conditional.ClassCount} classes, but layer {earlier} ({stack[earlier].Layer.Kind}) reads {((IConditionalLayer)stack[earlier].Layer).ClassCount}; every label-reading layer of a network must agree.", nameof(layer));
        }

        stack.Add((layer, (long[])CurrentShape.Clone(), (long[])output.Clone()));
        CurrentShape = (long[])output.Clone();
        return (TBuilder)this;
    }

    /// <summary>Marks the builder as used and returns the checked layer stack.</summary>
    private protected IReadOnlyList<(ILayer Layer, long[] Input, long[] Output)> TakeStack(string networkKind)
    {
        ThrowIfBuilt();
        if (stack.Count == 0)
        {
            throw new InvalidOperationException($"A {networkKind} needs at least one layer; add layers before calling Build().");
        }

        built = true;
        return stack.ToArray();
    }

    /// <summary>The build's own generator for <paramref name="seed"/>, or null to use torch's global stream.</summary>
    private protected static TorchSharp.torch.Generator? SeededRandom(long? seed) =>
        seed is { } value ? new TorchSharp.torch.Generator(unchecked((ulong)value)) : null;

    private void ThrowIfBuilt()
    {
        if (built)
        {
            throw new InvalidOperationException($"This {GetType().Name} has already built its network; Build() works once, so that two networks never share layer descriptions by accident. Use a new builder.");
        }
    }
}
