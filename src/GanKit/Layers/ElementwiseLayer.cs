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
}
