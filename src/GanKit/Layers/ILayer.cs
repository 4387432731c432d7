using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Describes one layer of a <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>:
/// how it maps a per-sample input shape to an output shape, and how it creates its module.
/// </summary>
/// <remarks>
/// Every built-in layer (<c>Dense</c>, <c>Conv2d</c>, <c>BatchNorm</c>, ...) implements this
/// interface, so a layer of your own plugs into the builders exactly the way they do, through
/// <see cref="NetworkBuilder{TBuilder}.Add(ILayer)"/>. Shapes never include the batch dimension and
/// are channels first (<c>[C, H, W]</c>).
/// </remarks>
public interface ILayer
{
    /// <summary>Gets the layer's kind as shown in summaries and error messages, for example <c>Conv2d</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Computes the per-sample output shape for a per-sample <paramref name="inputShape"/>.
    /// </summary>
    /// <param name="inputShape">The shape that reaches this layer, without the batch dimension.</param>
    /// <returns>The shape this layer produces, without the batch dimension.</returns>
    /// <exception cref="ArgumentException">
    /// The layer cannot take <paramref name="inputShape"/>; the message says what it needs. The
    /// builder adds the layer's index and kind and the shape that came in.
    /// </exception>
    long[] InferOutputShape(long[] inputShape);

    /// <summary>
    /// Creates this layer's freshly initialised module for <paramref name="inputShape"/>, a shape
    /// <see cref="InferOutputShape"/> has accepted. The module maps <c>[N, ..inputShape]</c> to
    /// <c>[N, ..InferOutputShape(inputShape)]</c>.
    /// </summary>
    /// <param name="inputShape">The accepted per-sample input shape.</param>
    /// <returns>A new module; the network that holds it owns it.</returns>
    nn.Module<Tensor, Tensor> CreateModule(long[] inputShape);

    /// <summary>
    /// Creates the module as <see cref="CreateModule(long[])"/> does, drawing every random initial
    /// value from <paramref name="random"/>; a seeded <c>Build(seed)</c> calls this.
    /// </summary>
    /// <remarks>
    /// Every built-in layer draws from <paramref name="random"/> directly. A layer of your own may
    /// implement this to do the same; if it does not, the default runs <see cref="CreateModule(long[])"/>
    /// with torch's global CPU stream seeded from <paramref name="random"/> and restores that stream
    /// afterwards, so the build is still repeatable and leaves the caller's stream as it was.
    /// </remarks>
    /// <param name="inputShape">The accepted per-sample input shape.</param>
    /// <param name="random">The build's seeded generator.</param>
    /// <returns>A new module; the network that holds it owns it.</returns>
    nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => GanKit.Internal.ForkedGlobalStream.Run(random, () => CreateModule(inputShape));

    /// <summary>
    /// Gets the multiply-accumulate operations one sample costs in this layer, for summaries and
    /// throughput figures. Layers without weights report zero.
    /// </summary>
    /// <param name="inputShape">The accepted per-sample input shape.</param>
    /// <returns>The multiply-accumulates per sample; zero unless the layer overrides it.</returns>
    long MultiplyAccumulates(long[] inputShape) => 0;
}
