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
/// Keras' 'same' padding can be asymmetric (one more cell at the bottom/right); PyTorch's
/// convolution pads symmetrically, so the asymmetric case pads the input explicitly first.
/// </remarks>
internal sealed class Conv2dModule : nn.Module<Tensor, Tensor>, IRegularizedModule
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly Tensor? spectral_u;
    private readonly Regularizer? regularizer;
    private readonly long[] stride;
    private readonly long[] symmetricPadding;
    private readonly long[]? explicitPadding;

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

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = explicitPadding is null ? input : nn.functional.pad(input, explicitPadding);
        var kernel = spectral_u is null ? weight : SpectralNormalization.Normalize(weight, spectral_u, 0, training);
        return nn.functional.conv2d(x, kernel, bias, strides: stride, padding: symmetricPadding).MoveToOuterDisposeScope();
    }

    public Tensor? RegularizationLoss() => regularizer?.Penalty(weight);
}
