using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>Applies max(x, 0) to every element.</summary>
public sealed class ReLULayer : ElementwiseLayer
{
    /// <inheritdoc />
    public override string Kind => "ReLU";

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => nn.ReLU();
}
