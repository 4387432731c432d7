using GanKit.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Batch normalisation (Keras <c>BatchNormalization</c>) over the features of <c>[F]</c> or the
/// channels of <c>[C, H, W]</c>, with Keras' conventions for epsilon and momentum.
/// </summary>
/// <remarks>
/// Keras' momentum is the weight of the old running statistic, PyTorch's the weight of the new
/// one: Keras 0.99 is PyTorch 0.01. The module created is TorchSharp's <c>BatchNorm1d</c> or
/// <c>BatchNorm2d</c> with <see cref="PyTorchMomentum"/>, so its parameters and running statistics
/// have PyTorch's names (<c>weight</c>, <c>bias</c>, <c>running_mean</c>, <c>running_var</c>).
/// </remarks>
public sealed class BatchNormLayer : ILayer
{
    /// <summary>Describes the layer.</summary>
    /// <param name="epsilon">Added to the variance; positive.</param>
    /// <param name="momentum">Keras momentum (weight of the old statistic), in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public BatchNormLayer(double epsilon = LayerDefaults.BatchNormEpsilon, double momentum = LayerDefaults.BatchNormMomentum)
    {
        if (!double.IsFinite(epsilon) || epsilon <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "BatchNorm epsilon must be a finite number > 0.");
        }

        if (!(momentum >= 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "BatchNorm momentum (Keras convention: weight of the old running statistic) must be in [0, 1).");
        }

        Epsilon = epsilon;
        Momentum = momentum;
    }

    /// <summary>Gets epsilon. The default value is 1e-3 (Keras).</summary>
    public double Epsilon { get; }

    /// <summary>Gets the Keras momentum. The default value is 0.99.</summary>
    public double Momentum { get; }

    /// <summary>Gets the equivalent PyTorch momentum, <c>1 - Momentum</c>.</summary>
    public double PyTorchMomentum => 1 - Momentum;

    /// <inheritdoc />
    public string Kind => "BatchNorm";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 1 && inputShape.Length != 3)
        {
            throw new ArgumentException("BatchNorm needs features [F] or a channels-first image [C, H, W].");
        }

        return (long[])inputShape.Clone();
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => inputShape.Length == 1
        ? nn.BatchNorm1d(inputShape[0], eps: Epsilon, momentum: PyTorchMomentum)
        : nn.BatchNorm2d(inputShape[0], eps: Epsilon, momentum: PyTorchMomentum);

    /// <inheritdoc />
    /// <remarks>The layer has no random initial values, so the generator is not drawn from.</remarks>
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => CreateModule(inputShape);
}
