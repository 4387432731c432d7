using GanKit.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>Nearest-neighbour upsampling of <c>[C, H, W]</c> by an integer factor (Keras <c>UpSampling2D</c>).</summary>
public sealed class UpsampleLayer : ILayer
{
    /// <summary>Describes the layer.</summary>
    /// <param name="scale">Integer factor for height and width; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not positive.</exception>
    public UpsampleLayer(long scale = LayerDefaults.UpsampleScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        Scale = scale;
    }

    /// <summary>Gets the factor. The default value is 2.</summary>
    public long Scale { get; }

    /// <inheritdoc />
    public string Kind => "Upsample";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        Shapes.RequireImage(inputShape, Kind);
        return [inputShape[0], inputShape[1] * Scale, inputShape[2] * Scale];
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) =>
        nn.Upsample(scale_factor: [Scale, Scale], mode: UpsampleMode.Nearest);

    /// <inheritdoc />
    /// <remarks>The layer has no random initial values, so the generator is not drawn from.</remarks>
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => CreateModule(inputShape);
}
