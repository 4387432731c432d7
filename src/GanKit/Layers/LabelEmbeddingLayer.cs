using GanKit.Layers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Appends a learned embedding of each sample's label to its feature vector, <c>[F]</c> to
/// <c>[F + Dimensions]</c>, as the conditional GAN of Mirza and Osindero (2014) feeds the label to
/// the generator. Put first in a generator, it joins the latent vector and the label.
/// </summary>
/// <remarks>
/// The embedding table <c>[ClassCount, Dimensions]</c> starts standard normal, as PyTorch's
/// <c>nn.Embedding</c> and Keras' <c>Embedding</c> (uniform, same role) do; it is the layer's only
/// parameter. A look-up costs no multiply-accumulates.
/// </remarks>
public sealed class LabelEmbeddingLayer : IConditionalLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <param name="dimensions">The embedding's length; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2 or <paramref name="dimensions"/> is not positive.</exception>
    public LabelEmbeddingLayer(int classCount, long dimensions)
    {
        ClassCount = ConditionalLayerChecks.ClassCount(classCount, nameof(classCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
    }

    /// <inheritdoc />
    public int ClassCount { get; }

    /// <summary>Gets the embedding's length.</summary>
    public long Dimensions { get; }

    /// <inheritdoc />
    public string Kind => "LabelEmbedding";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape) => [ConditionalLayerChecks.Features(inputShape, Kind) + Dimensions];

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new LabelEmbeddingModule(ClassCount, Dimensions, null);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => new LabelEmbeddingModule(ClassCount, Dimensions, random);
}
