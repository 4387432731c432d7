using GanKit.Layers;

namespace GanKit.Networks;

/// <summary>
/// A generator built by <see cref="GeneratorBuilder"/> or wrapped around a module of your own by
/// <c>Generators.FromModule</c>: maps latent vectors <c>[N, LatentDim]</c> to samples
/// <c>[N, ..OutputShape]</c>. The one generator type the trainer, the evaluators and saving take;
/// a TorchSharp module usable anywhere one is expected.
/// </summary>
/// <remarks>
/// Named <c>GeneratorNetwork</c>, not <c>Generator</c>, because <c>using static TorchSharp.torch;</c>
/// brings <c>torch.Generator</c> into scope and the two names would clash in user code.
/// </remarks>
public sealed partial class GeneratorNetwork : LayerStackNetwork
{
    internal GeneratorNetwork(IReadOnlyList<(ILayer Layer, long[] Input, long[] Output)> stack, TorchSharp.torch.Generator? random) : base(nameof(GeneratorNetwork), stack, random)
    {
        LatentDim = stack[0].Input[0];
    }

    /// <summary>Gets the length of a latent vector.</summary>
    public long LatentDim { get; }

    /// <summary>Gets the per-sample output shape, channels first (for MNIST <c>[1, 28, 28]</c>).</summary>
    public long[] OutputShape => OutputShapeOf();
}
