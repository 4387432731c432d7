using GanKit.Regularization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>
/// A 2-D convolution with Keras padding semantics and GanKit's kernel options; parameters
/// <c>weight</c> [out, in, k, k] and <c>bias</c>.
/// </summary>
/// <remarks>
/// Keras' 'same' padding can be asymmetric (one more cell at the bottom/right), which PyTorch's
/// symmetric padding cannot express directly; the module then computes in the mirror image, where
/// it can (see <see cref="Mirroring"/>), and pads the input by a copy only where it cannot (a
/// surplus of a whole stride or more). The forward pass opens no dispose scope: its temporaries are
/// disposed as soon as autograd holds them, and the result belongs to the caller's scope.
/// </remarks>
internal sealed class Conv2dModule : nn.Module<Tensor, Tensor>, IRegularizedModule, IMirrorableConvolution
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly Tensor? spectral_u;
    private readonly Regularizer? regularizer;
    private readonly long[] stride;
    private readonly long[] symmetricPadding;
    private readonly long[]? explicitPadding;
    private readonly long[]? mirroredPadding;
    private bool mirrored;
    private bool reverseInput;
    private bool reverseOutput;

    public Conv2dModule(long inChannels, long filters, long kernel, long stride, (long Top, long Bottom, long Left, long Right) padding, KernelOptions options)
        : base(nameof(Conv2dModule))
    {
        weight = new Parameter(empty(filters, inChannels, kernel, kernel));
        options.Initializer.Initialize(weight, inChannels * kernel * kernel, filters * kernel * kernel, options.Random);
        bias = options.UseBias ? new Parameter(zeros(filters)) : null;
        spectral_u = options.SpectralNorm ? SpectralNormalization.CreateU(weight, 0, options.Random) : null;
        regularizer = options.Regularizer;
        this.stride = [stride, stride];
        if (padding.Top == padding.Bottom && padding.Left == padding.Right)
        {
            symmetricPadding = [padding.Top, padding.Left];
        }
        else
        {
            symmetricPadding = [0, 0];
            explicitPadding = [padding.Left, padding.Right, padding.Top, padding.Bottom];
        }

        // Mirrored, the larger padding comes first; padding it at the end too adds cells that no
        // window reaches as long as the surplus is less than a stride.
        if (MirrorsExactly(padding.Top, padding.Bottom, stride) && MirrorsExactly(padding.Left, padding.Right, stride))
        {
            mirroredPadding = [padding.Bottom, padding.Right];
        }

        RegisterComponents();

        // On its own the module reverses its input and output itself; a network's plan may let a
        // chain of convolutions share the reversal.
        if (PrefersMirror)
        {
            ComputeMirrored(reverseInput: true, reverseOutput: true);
        }
    }

    public bool CanMirror => mirroredPadding is not null;

    public bool PrefersMirror => explicitPadding is not null && CanMirror;

    public bool IsMirrored => mirrored;

    public bool ReversesInput => mirrored && reverseInput;

    public bool ReversesOutput => mirrored && reverseOutput;

    public void ComputeMirrored(bool reverseInput, bool reverseOutput)
    {
        if (!CanMirror)
        {
            throw new InvalidOperationException("This convolution has no mirrored form.");
        }

        mirrored = true;
        this.reverseInput = reverseInput;
        this.reverseOutput = reverseOutput;
    }

    public override Tensor forward(Tensor input)
    {
        var kernel = spectral_u is null ? weight : SpectralNormalization.Normalize(weight, spectral_u, 0, training);
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

    private static bool MirrorsExactly(long before, long after, long stride) => after >= before && after - before < stride;

    private Tensor Direct(Tensor input, Tensor kernel)
    {
        if (explicitPadding is null)
        {
            return nn.functional.conv2d(input, kernel, bias, strides: stride, padding: symmetricPadding);
        }

        using var padded = nn.functional.pad(input, explicitPadding);
        return nn.functional.conv2d(padded, kernel, bias, strides: stride, padding: symmetricPadding);
    }

    private Tensor Mirrored(Tensor input, Tensor kernel)
    {
        using var reversedKernel = Mirroring.Reverse(kernel);
        using var reversedInput = reverseInput ? Mirroring.Reverse(input) : null;
        var y = nn.functional.conv2d(reversedInput ?? input, reversedKernel, bias, strides: stride, padding: mirroredPadding);
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
