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
/// Keras' 'same' transposed convolution keeps the cells from Keras' top/left padding onwards, one
/// more than PyTorch's symmetric padding would keep at the end. In the mirror image (see
/// <see cref="Mirroring"/>) that surplus sits at the start, where PyTorch's padding crops it, and
/// <c>output_padding</c> gives back the last cell: nothing is computed and thrown away. The direct
/// form (computing the larger output and cropping it) remains for the layers that have no mirrored
/// form. The forward pass opens no dispose scope: its temporaries are disposed as soon as autograd
/// holds them, and the result belongs to the caller's scope.
/// </remarks>
internal sealed class ConvTranspose2dModule : nn.Module<Tensor, Tensor>, IRegularizedModule, IMirrorableConvolution
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
    private readonly long[] mirroredPadding;
    private readonly long[] mirroredOutputPadding;
    private bool mirrored;
    private bool reverseInput;
    private bool reverseOutput;

    /// <param name="inChannels">Input channels.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernel">Kernel height and width.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">PyTorch padding per spatial axis.</param>
    /// <param name="outputPadding">PyTorch output padding per spatial axis.</param>
    /// <param name="cropEnd">Cells to drop at the end of each spatial axis after that.</param>
    /// <param name="outputSize">The resulting height and width.</param>
    /// <param name="options">Kernel options.</param>
    public ConvTranspose2dModule(long inChannels, long filters, long kernel, long stride, long[] padding, long[] outputPadding, long[] cropEnd, long[] outputSize, KernelOptions options)
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
        crop = cropEnd.Any(c => c > 0);

        // Mirrored, the kept cells [p, p + out) of the full output become
        // [p + cropEnd - outputPadding, ...): that much padding, and cropEnd - outputPadding cells
        // of output padding to reach the same length.
        mirroredPadding = [padding[0] + cropEnd[0] - outputPadding[0], padding[1] + cropEnd[1] - outputPadding[1]];
        mirroredOutputPadding = [cropEnd[0] - outputPadding[0], cropEnd[1] - outputPadding[1]];
        RegisterComponents();

        // On its own the module reverses its input and output itself; a network's plan may let a
        // chain of convolutions share the reversal.
        if (PrefersMirror)
        {
            ComputeMirrored(reverseInput: true, reverseOutput: true);
        }
    }

    public bool CanMirror => mirroredPadding.All(p => p >= 0) && mirroredOutputPadding.All(p => p >= 0 && p < stride[0]);

    public bool PrefersMirror => crop && CanMirror;

    public bool IsMirrored => mirrored;

    public bool ReversesInput => mirrored && reverseInput;

    public bool ReversesOutput => mirrored && reverseOutput;

    public void ComputeMirrored(bool reverseInput, bool reverseOutput)
    {
        if (!CanMirror)
        {
            throw new InvalidOperationException("This transposed convolution has no mirrored form.");
        }

        mirrored = true;
        this.reverseInput = reverseInput;
        this.reverseOutput = reverseOutput;
    }

    public override Tensor forward(Tensor input)
    {
        var kernel = spectral_u is null ? weight : SpectralNormalization.Normalize(weight, spectral_u, 1, training);
        try
        {
            return mirrored ? Mirrored(input, kernel) : Direct(input, kernel);
        }
        finally
        {
            if (!ReferenceEquals(kernel, weight))
            {
                kernel.Dispose();
            }
        }
    }

    public Tensor? RegularizationLoss() => regularizer?.Penalty(weight);

    /// <summary>
    /// The kernel laid out channels last (the logical shape unchanged). A channels-last kernel makes
    /// libtorch's oneDNN path compute the transposed convolution channels last, with the output and
    /// the batch normalisation and activations after it following; on the presets' generator layers
    /// that took 12-40% less CPU time than the default layout (the discriminator's convolutions
    /// were slower so, and stay as they are). A copy of the small kernel per pass.
    /// </summary>
    private static Tensor ChannelsLast(Tensor kernel)
    {
        using var permuted = kernel.permute(0, 2, 3, 1);
        using var dense = permuted.contiguous();
        return dense.permute(0, 3, 1, 2);
    }

    private Tensor Direct(Tensor input, Tensor kernel)
    {
        using var channelsLast = ChannelsLast(kernel);
        var y = nn.functional.conv_transpose2d(input, channelsLast, bias, strides: stride, padding: padding, output_padding: outputPadding);
        if (!crop)
        {
            return y;
        }

        // Contiguous, so the layers after it run on a dense tensor.
        using (y)
        using (var rows = y.narrow(2, 0, outputSize[0]))
        using (var cells = rows.narrow(3, 0, outputSize[1]))
        {
            return cells.contiguous();
        }
    }

    private Tensor Mirrored(Tensor input, Tensor kernel)
    {
        using var reversedKernel = Mirroring.Reverse(kernel);
        using var channelsLast = ChannelsLast(reversedKernel);
        using var reversedInput = reverseInput ? Mirroring.Reverse(input) : null;
        var y = nn.functional.conv_transpose2d(reversedInput ?? input, channelsLast, bias, strides: stride, padding: mirroredPadding, output_padding: mirroredOutputPadding);
        if (!reverseOutput)
        {
            return y;
        }

        using (y)
        {
            return Mirroring.Reverse(y);
        }
    }
}
