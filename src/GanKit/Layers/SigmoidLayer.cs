using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>Applies the logistic sigmoid to every element.</summary>
public sealed class SigmoidLayer : ElementwiseLayer
{
    /// <inheritdoc />
    public override string Kind => "Sigmoid";

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => nn.Sigmoid();
}
