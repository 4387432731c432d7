using GanKit.Regularization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>
/// A 2-D transposed convolution with Keras padding semantics and GanKit's kernel options;
/// parameters <c>weight</c> [in, out, k, k] (PyTorch's layout) and <c>bias</c>.
/// </summary>
/// <remarks>
/// Keras' 'same' transposed convolution keeps the cells from Keras' top/left padding onwards;
/// PyTorch's padding crops both ends equally, so the module crops the top/left amount there
/// and drops the surplus bottom/right cells afterwards.
/// </remarks>
internal sealed class ConvTranspose2dModule : nn.Module<Tensor, Tensor>, IRegularizedModule
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly Tensor? spectral_u;
    private readonly Regularizer? regularizer;
    private readonly long[] stride;
    private readonly long[] padding;
    private readonly long[] outputPadding;
    private readonly long[] outputSize;
    private readonly bool crop;

    public ConvTranspose2dModule(long inChannels, long filters, long kernel, long stride, long[] padding, long[] outputPadding, long[] outputSize, bool crop, KernelOptions options)
        : base(nameof(ConvTranspose2dModule))
    {
        weight = new Parameter(empty(inChannels, filters, kernel, kernel));

        // Keras' kernel is (k, k, filters, in) and its fans read the last two axes:
        // fan_in = filters * k * k, fan_out = in * k * k (PyTorch computes the same fan_in).
        options.Initializer.Initialize(weight, filters * kernel * kernel, inChannels * kernel * kernel, options.Random);
        bias = options.UseBias ? new Parameter(zeros(filters)) : null;
        spectral_u = options.SpectralNorm ? SpectralNormalization.CreateU(weight, 1, options.Random) : null;
        regularizer = options.Regularizer;
        this.stride = [stride, stride];
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.outputSize = outputSize;
        this.crop = crop;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var kernel = spectral_u is null ? weight : SpectralNormalization.Normalize(weight, spectral_u, 1, training);
        var y = nn.functional.conv_transpose2d(input, kernel, bias, strides: stride, padding: padding, output_padding: outputPadding);
        if (crop)
        {
            // Contiguous, so the layers after it run on a dense tensor.
            y = y.narrow(2, 0, outputSize[0]).narrow(3, 0, outputSize[1]).contiguous();
        }

        return y.MoveToOuterDisposeScope();
    }

    public Tensor? RegularizationLoss() => regularizer?.Penalty(weight);
}
