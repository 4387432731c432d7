using GanKit.Internal;
using GanKit.Layers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Reshapes each sample (Keras <c>Reshape</c>); one dimension may be -1 and is then inferred.
/// </summary>
/// <remarks>
/// GanKit is channels first: Keras' <c>Reshape((7, 7, 256))</c> is <c>Reshape(256, 7, 7)</c> here.
/// The element order of a flat vector therefore differs from Keras' channels-last order, which
/// matters only when importing Keras weights into the Dense layer before or after it.
/// </remarks>
public sealed class ReshapeLayer : ILayer
{
    /// <summary>Describes the layer.</summary>
    /// <param name="shape">The per-sample target shape; positive sizes and at most one -1.</param>
    /// <exception cref="ArgumentException"><paramref name="shape"/> is empty, has a size below -1 or 0, or more than one -1.</exception>
    public ReshapeLayer(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0 || shape.Any(d => d == 0 || d < -1) || shape.Count(d => d == -1) > 1)
        {
            throw new ArgumentException($"Reshape needs positive sizes and at most one -1; got {Shapes.Format(shape)}.", nameof(shape));
        }

        Shape = (long[])shape.Clone();
    }

    /// <summary>Gets the requested per-sample shape, possibly with one -1.</summary>
    public long[] Shape { get; }

    /// <inheritdoc />
    public string Kind => "Reshape";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        long elements = Shapes.Product(inputShape);
        long known = Shapes.Product(Shape.Where(d => d != -1));
        if (Shape.Contains(-1))
        {
            if (elements % known != 0)
            {
                throw new ArgumentException($"Reshape to {Shapes.Format(Shape)} needs a multiple of {known} elements, got {elements}.");
            }

            return Shape.Select(d => d == -1 ? elements / known : d).ToArray();
        }

        if (known != elements)
        {
            throw new ArgumentException($"Reshape to {Shapes.Format(Shape)} needs {known} elements, got {elements}.");
        }

        return (long[])Shape.Clone();
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new ReshapeModule(InferOutputShape(inputShape));

    /// <inheritdoc />
    /// <remarks>The layer has no random initial values, so the generator is not drawn from.</remarks>
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => CreateModule(inputShape);
}
