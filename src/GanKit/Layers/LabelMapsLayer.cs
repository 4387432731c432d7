using GanKit.Layers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Appends one constant map per class to an image's channels, <c>[C, H, W]</c> to
/// <c>[C + ClassCount, H, W]</c>: map <c>y</c> is all ones for a sample of class <c>y</c>, the
/// others all zeros (the one-hot label, broadcast over the image). Put first in a discriminator, it
/// shows the label to the first convolution.
/// </summary>
/// <remarks>
/// No parameters, but the next convolution takes <c>ClassCount</c> more input channels, so its
/// weights and multiply-accumulates grow by that factor over its image channels. For a cheaper
/// label path see <see cref="ProjectionLayer"/>.
/// </remarks>
public sealed class LabelMapsLayer : IConditionalLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    public LabelMapsLayer(int classCount)
    {
        ClassCount = ConditionalLayerChecks.ClassCount(classCount, nameof(classCount));
    }

    /// <inheritdoc />
    public int ClassCount { get; }

    /// <inheritdoc />
    public string Kind => "LabelMaps";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 3)
        {
            throw new ArgumentException("LabelMaps needs a channels-first image [C, H, W].");
        }

        return [inputShape[0] + ClassCount, inputShape[1], inputShape[2]];
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new LabelMapsModule(ClassCount);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => CreateModule(inputShape);
}
