using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>Applies the hyperbolic tangent to every element.</summary>
public sealed class TanhLayer : ElementwiseLayer
{
    /// <inheritdoc />
    public override string Kind => "Tanh";

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => nn.Tanh();
}
