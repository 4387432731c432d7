using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>Base of the layers that keep the shape and have no weights (activations, dropout).</summary>
public abstract class ElementwiseLayer : ILayer
{
    private protected ElementwiseLayer()
    {
    }

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        return (long[])inputShape.Clone();
    }

    /// <inheritdoc />
    public abstract nn.Module<Tensor, Tensor> CreateModule(long[] inputShape);

    /// <inheritdoc />
    /// <remarks>The layer has no random initial values, so the generator is not drawn from.</remarks>
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => CreateModule(inputShape);
}
