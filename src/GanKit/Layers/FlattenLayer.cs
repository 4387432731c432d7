using GanKit.Internal;
using GanKit.Layers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Flattens each sample to <c>[features]</c> (Keras <c>Flatten</c>). GanKit is channels first, so
/// the features come in C, H, W order, not Keras' H, W, C; this matters only for weight import.
/// </summary>
public sealed class FlattenLayer : ILayer
{
    /// <inheritdoc />
    public string Kind => "Flatten";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        return [Shapes.Product(inputShape)];
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new ReshapeModule(InferOutputShape(inputShape));

    /// <inheritdoc />
    /// <remarks>The layer has no random initial values, so the generator is not drawn from.</remarks>
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => CreateModule(inputShape);
}
