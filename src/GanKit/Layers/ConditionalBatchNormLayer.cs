using GanKit.Layers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Batch normalisation whose gain and bias are chosen by each sample's label (conditional batch
/// normalisation, as in SNGAN and BigGAN): the batch is normalised with shared statistics, then
/// channel <c>c</c> of a sample of class <c>y</c> is scaled by <c>gain[y, c]</c> and shifted by
/// <c>bias[y, c]</c>. Takes features <c>[F]</c> or images <c>[C, H, W]</c>; the shape is unchanged.
/// </summary>
/// <remarks>
/// Gains start at 1 and biases at 0, so before training the layer is an ordinary batch
/// normalisation. Parameters: <c>2 × ClassCount × C</c>; buffers: the running mean and variance.
/// Epsilon and momentum follow <see cref="BatchNormLayer"/> (Keras' convention).
/// </remarks>
public sealed class ConditionalBatchNormLayer : IConditionalLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <param name="epsilon">Added to the variance; finite and positive.</param>
    /// <param name="momentum">Weight of the old running statistic (Keras' convention), in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public ConditionalBatchNormLayer(int classCount, double epsilon = LayerDefaults.BatchNormEpsilon, double momentum = LayerDefaults.BatchNormMomentum)
    {
        ClassCount = ConditionalLayerChecks.ClassCount(classCount, nameof(classCount));
        var plain = new BatchNormLayer(epsilon, momentum);
        Epsilon = plain.Epsilon;
        Momentum = plain.Momentum;
    }

    /// <inheritdoc />
    public int ClassCount { get; }

    /// <summary>Gets the epsilon added to the variance.</summary>
    public double Epsilon { get; }

    /// <summary>Gets the weight of the old running statistic (Keras' convention).</summary>
    public double Momentum { get; }

    /// <inheritdoc />
    public string Kind => "ConditionalBatchNorm";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 1 && inputShape.Length != 3)
        {
            throw new ArgumentException("ConditionalBatchNorm needs features [F] or a channels-first image [C, H, W].");
        }

        return (long[])inputShape.Clone();
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new ConditionalBatchNormModule(inputShape, ClassCount, Epsilon, 1 - Momentum);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => CreateModule(inputShape);
}
