using GanKit.Layers;

namespace GanKit.Networks;

/// <summary>
/// A discriminator built by <see cref="DiscriminatorBuilder"/> or wrapped around a module of your own
/// by <see cref="Discriminators.FromModule"/>: maps samples <c>[N, ..InputShape]</c> to one logit
/// each, <c>[N, 1]</c> (no sigmoid: losses take logits for numerical stability). The one
/// discriminator type the trainer takes; a TorchSharp module usable anywhere one is expected.
/// </summary>
public sealed partial class DiscriminatorNetwork : LayerStackNetwork
{
    internal DiscriminatorNetwork(IReadOnlyList<(ILayer Layer, long[] Input, long[] Output)> stack, TorchSharp.torch.Generator? random) : base(nameof(DiscriminatorNetwork), stack, random)
    {
    }

    /// <summary>Gets the per-sample input shape, channels first (for MNIST <c>[1, 28, 28]</c>).</summary>
    public long[] InputShape => InputShapeOf();
}
