using GanKit.Layers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// The projection discriminator's head (Miyato and Koyama, 2018): from features <c>h</c>
/// <c>[F]</c> it computes one logit, <c>w·h + b + embed(y)·h</c>, the ordinary linear logit plus
/// the inner product of the label's learned embedding with the features. Ends a conditional
/// discriminator in place of <c>Dense(1)</c>.
/// </summary>
/// <remarks>
/// Parameters: the linear weight <c>[1, F]</c> and bias (as <c>Dense(1)</c>), and the embedding
/// table <c>[ClassCount, F]</c>; all start Glorot-uniform except the bias (zero).
/// Multiply-accumulates per sample: <c>2F</c>.
/// </remarks>
public sealed class ProjectionLayer : IConditionalLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    public ProjectionLayer(int classCount)
    {
        ClassCount = ConditionalLayerChecks.ClassCount(classCount, nameof(classCount));
    }

    /// <inheritdoc />
    public int ClassCount { get; }

    /// <inheritdoc />
    public string Kind => "Projection";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ConditionalLayerChecks.Features(inputShape, Kind);
        return [1];
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new ProjectionModule(inputShape[0], ClassCount, null);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => new ProjectionModule(inputShape[0], ClassCount, random);

    /// <inheritdoc />
    public long MultiplyAccumulates(long[] inputShape) => 2 * inputShape[0];
}
