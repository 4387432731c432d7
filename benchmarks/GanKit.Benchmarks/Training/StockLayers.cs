using GanKit.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Training;

/// <summary>
/// What a TorchSharp user writes without GanKit: each preset layer as TorchSharp's stock module
/// with symmetric <c>padding</c> (and <c>output_padding</c>) chosen to give the same output shape.
/// The stock modules place 'same' cells half a stride away from Keras where Keras pads
/// asymmetrically; the work per call is what is compared, not the numbers.
/// </summary>
public static class StockLayers
{
    /// <summary>Creates the stock module of <paramref name="layer"/> for <paramref name="inputShape"/>.</summary>
    /// <param name="layer">A layer of a GanKit network.</param>
    /// <param name="inputShape">The per-sample shape that reaches it.</param>
    /// <param name="outputShape">The per-sample shape it produces.</param>
    /// <returns>The stock module, freshly initialised (copy the weights with <see cref="CopyParameters"/>).</returns>
    /// <exception cref="NotSupportedException">No stock module with symmetric padding gives the same shape.</exception>
    public static nn.Module<Tensor, Tensor> Create(ILayer layer, long[] inputShape, long[] outputShape)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(outputShape);
        return layer switch
        {
            Conv2dLayer conv => nn.Conv2d(inputShape[0], conv.Filters, conv.KernelSize, conv.Stride, ConvolutionPaddingFor(conv, inputShape, outputShape), bias: conv.UseBias),
            ConvTranspose2dLayer deconv => CreateTransposed(deconv, inputShape, outputShape),
            DenseLayer dense => nn.Linear(inputShape[0], dense.Units, hasBias: dense.UseBias),
            ReshapeLayer or FlattenLayer when outputShape.Length == 1 => nn.Flatten(),
            ReshapeLayer when inputShape.Length == 1 => nn.Unflatten(1, outputShape),

            // BatchNorm, LeakyReLU, Dropout, Tanh and Sigmoid already are TorchSharp's own modules.
            _ => layer.CreateModule(inputShape),
        };
    }

    /// <summary>Copies the parameters and buffers of <paramref name="source"/> into <paramref name="target"/>, in order.</summary>
    /// <param name="source">The GanKit module or network.</param>
    /// <param name="target">The stock module or network of the same layout.</param>
    /// <exception cref="InvalidOperationException">The two do not hold tensors of the same shapes.</exception>
    public static void CopyParameters(nn.Module source, nn.Module target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var from = source.parameters().Cast<Tensor>().Concat(source.buffers()).ToArray();
        var to = target.parameters().Cast<Tensor>().Concat(target.buffers()).ToArray();
        if (from.Length != to.Length || from.Zip(to).Any(p => !p.First.shape.SequenceEqual(p.Second.shape)))
        {
            throw new InvalidOperationException($"{target.GetType().Name} does not have the tensors of {source.GetType().Name}: {from.Length} against {to.Length}.");
        }

        using (no_grad())
        {
            foreach (var (a, b) in from.Zip(to))
            {
                b.copy_(a);
            }
        }
    }

    private static long ConvolutionPaddingFor(Conv2dLayer conv, long[] input, long[] output)
    {
        long total = Math.Max(((output[1] - 1) * conv.Stride) + conv.KernelSize - input[1], 0);
        long padding = (total + 1) / 2;
        long height = ((input[1] + (2 * padding) - conv.KernelSize) / conv.Stride) + 1;
        long width = ((input[2] + (2 * padding) - conv.KernelSize) / conv.Stride) + 1;
        if (height != output[1] || width != output[2])
        {
            throw new NotSupportedException($"No symmetric padding of a {conv.KernelSize}x{conv.KernelSize} stride-{conv.Stride} Conv2d maps {input[1]}x{input[2]} to {output[1]}x{output[2]}.");
        }

        return padding;
    }

    private static nn.Module<Tensor, Tensor> CreateTransposed(ConvTranspose2dLayer deconv, long[] input, long[] output)
    {
        long full = ((input[1] - 1) * deconv.Stride) + deconv.KernelSize;
        long padding = Math.Max((full - output[1] + 1) / 2, 0);
        long outputPadding = output[1] - (full - (2 * padding));
        long width = ((input[2] - 1) * deconv.Stride) + deconv.KernelSize - (2 * padding) + outputPadding;
        if (outputPadding < 0 || outputPadding >= Math.Max(deconv.Stride, 1) || width != output[2])
        {
            throw new NotSupportedException($"No symmetric padding of a {deconv.KernelSize}x{deconv.KernelSize} stride-{deconv.Stride} ConvTranspose2d maps {input[1]}x{input[2]} to {output[1]}x{output[2]}.");
        }

        return nn.ConvTranspose2d(input[0], deconv.Filters, deconv.KernelSize, deconv.Stride, padding, outputPadding, bias: deconv.UseBias);
    }
}
