using GanKit.Regularization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>A fully connected layer with GanKit's kernel options; parameters <c>weight</c> [out, in] and <c>bias</c>.</summary>
internal sealed class DenseModule : nn.Module<Tensor, Tensor>, IRegularizedModule
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly Tensor? spectral_u;
    private readonly Regularizer? regularizer;

    public DenseModule(long inFeatures, long outFeatures, KernelOptions options) : base(nameof(DenseModule))
    {
        weight = new Parameter(empty(outFeatures, inFeatures));
        options.Initializer.Initialize(weight, inFeatures, outFeatures, options.Random);
        bias = options.UseBias ? new Parameter(zeros(outFeatures)) : null;
        spectral_u = options.SpectralNorm ? SpectralNormalization.CreateU(weight, 0, options.Random) : null;
        regularizer = options.Regularizer;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        if (spectral_u is null)
        {
            return nn.functional.linear(input, weight, bias);
        }

        using var normalized = SpectralNormalization.Normalize(weight, spectral_u, 0, training);
        return nn.functional.linear(input, normalized, bias);
    }

    public Tensor? RegularizationLoss() => regularizer?.Penalty(weight);
}
