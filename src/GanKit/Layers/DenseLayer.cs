using GanKit.Initialization;
using GanKit.Internal;
using GanKit.Layers.Modules;
using GanKit.Regularization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>A fully connected layer (Keras <c>Dense</c>) on a flat input <c>[features]</c>.</summary>
public sealed class DenseLayer : KernelLayer, ILayer
{
    /// <summary>Describes the layer.</summary>
    /// <param name="units">Output features; positive.</param>
    /// <param name="bias">Whether the layer adds a bias.</param>
    /// <param name="initializer">Kernel initializer; null for Glorot uniform.</param>
    /// <param name="regularizer">Kernel regularizer; null for none.</param>
    /// <param name="spectralNorm">Whether the kernel is spectrally normalised.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is not positive.</exception>
    public DenseLayer(long units, bool bias = LayerDefaults.UseBias, Initializer? initializer = null, Regularizer? regularizer = null, bool spectralNorm = LayerDefaults.SpectralNorm)
        : base(bias, initializer, regularizer, spectralNorm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        Units = units;
    }

    /// <summary>Gets the number of output features.</summary>
    public long Units { get; }

    /// <inheritdoc />
    public string Kind => "Dense";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 1)
        {
            throw new ArgumentException("Dense needs a flat input [features]; add a Flatten before it.");
        }

        return [Units];
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => Create(inputShape, null);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => Create(inputShape, random);

    /// <inheritdoc />
    public long MultiplyAccumulates(long[] inputShape) => inputShape[0] * Units;

    private DenseModule Create(long[] inputShape, Generator? random) => new(inputShape[0], Units, OptionsWith(random));
}
