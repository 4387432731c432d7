using GanKit.Initialization;
using GanKit.Layers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// The AC-GAN head (Odena et al., 2017): from features <c>[F]</c> it computes the adversarial
/// logit and one logit per class, <c>[1 + ClassCount]</c>. Ends a discriminator in place of
/// <c>Dense(1)</c>; the discriminator then reports the class logits beside its usual logit, and
/// the trainer adds <see cref="Losses.AuxiliaryClassifierLoss"/> to both networks' losses.
/// </summary>
/// <remarks>
/// It reads no labels (the discriminator it ends is not conditional by this layer), so it is not an
/// <see cref="IConditionalLayer"/>. One linear map, Glorot-uniform weights and zero bias:
/// <c>(F + 1)(1 + ClassCount)</c> parameters, <c>F(1 + ClassCount)</c> multiply-accumulates per sample.
/// </remarks>
public sealed class AuxiliaryClassifierLayer : ILayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    public AuxiliaryClassifierLayer(int classCount)
    {
        ClassCount = ConditionalLayerChecks.ClassCount(classCount, nameof(classCount));
    }

    /// <summary>Gets the number of classes the head predicts.</summary>
    public int ClassCount { get; }

    /// <inheritdoc />
    public string Kind => "AuxiliaryClassifier";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ConditionalLayerChecks.Features(inputShape, Kind);
        return [1 + ClassCount];
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => Create(inputShape, null);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => Create(inputShape, random);

    /// <inheritdoc />
    public long MultiplyAccumulates(long[] inputShape) => inputShape[0] * (1 + ClassCount);

    private DenseModule Create(long[] inputShape, Generator? random) =>
        new(inputShape[0], 1 + ClassCount, new KernelOptions(true, new GlorotUniformInitializer(), null, false, random));
}
