using GanKit.Initialization;
using GanKit.Internal;
using GanKit.Layers.Modules;
using GanKit.Regularization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>A 2-D transposed convolution (Keras <c>Conv2DTranspose</c>) with a square kernel on <c>[C, H, W]</c>.</summary>
public sealed class ConvTranspose2dLayer : ConvolutionLayer, ILayer
{
    /// <summary>Describes the layer; arguments in Keras' order.</summary>
    /// <param name="filters">Output channels; positive.</param>
    /// <param name="kernel">Kernel height and width; positive.</param>
    /// <param name="stride">Stride in both directions; positive.</param>
    /// <param name="padding">Padding; see <see cref="ConvolutionPadding"/>. The default is 'valid', as in Keras.</param>
    /// <param name="bias">Whether the layer adds a bias.</param>
    /// <param name="initializer">Kernel initializer; null for Glorot uniform.</param>
    /// <param name="regularizer">Kernel regularizer; null for none.</param>
    /// <param name="spectralNorm">Whether the kernel is spectrally normalised.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="filters"/>, <paramref name="kernel"/> or <paramref name="stride"/> is not positive.</exception>
    public ConvTranspose2dLayer(long filters, long kernel, long stride = LayerDefaults.Stride, ConvolutionPadding padding = default, bool bias = LayerDefaults.UseBias, Initializer? initializer = null, Regularizer? regularizer = null, bool spectralNorm = LayerDefaults.SpectralNorm)
        : base(filters, kernel, stride, padding, bias, initializer, regularizer, spectralNorm)
    {
    }

    /// <inheritdoc />
    public string Kind => "ConvTranspose2d";

    /// <inheritdoc />
    public long[] InferOutputShape(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        Shapes.RequireImage(inputShape, Kind);
        var h = Padding.ForTransposedConvolution(inputShape[1], KernelSize, Stride, Kind);
        var w = Padding.ForTransposedConvolution(inputShape[2], KernelSize, Stride, Kind);
        return [Filters, h.Output, w.Output];
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => Create(inputShape, null);

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => Create(inputShape, random);

    private nn.Module<Tensor, Tensor> Create(long[] inputShape, Generator? random)
    {
        var h = Padding.ForTransposedConvolution(inputShape[1], KernelSize, Stride, Kind);
        var w = Padding.ForTransposedConvolution(inputShape[2], KernelSize, Stride, Kind);
        return new ConvTranspose2dModule(
            inputShape[0],
            Filters,
            KernelSize,
            Stride,
            [h.Padding, w.Padding],
            [h.OutputPadding, w.OutputPadding],
            [h.CropEnd, w.CropEnd],
            [h.Output, w.Output],
            OptionsWith(random));
    }

    /// <inheritdoc />
    public long MultiplyAccumulates(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);

        // Every input cell is multiplied by the whole kernel once, whatever is cropped later.
        return inputShape[1] * inputShape[2] * inputShape[0] * Filters * KernelSize * KernelSize;
    }
}
