using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>Reshapes every sample to a fixed shape, keeping the batch dimension.</summary>
internal sealed class ReshapeModule : nn.Module<Tensor, Tensor>
{
    private readonly long[] shape;

    public ReshapeModule(long[] sampleShape) : base(nameof(ReshapeModule))
    {
        shape = new long[sampleShape.Length + 1];
        shape[0] = -1;
        sampleShape.CopyTo(shape, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => input.reshape(shape);
}
