using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>The module of <see cref="LabelMapsLayer"/>: the one-hot label, broadcast over the image, after the image's channels.</summary>
internal sealed class LabelMapsModule(int classCount) : ConditionalModule(nameof(LabelMapsModule))
{
    public override Tensor forward(Tensor input, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var maps = nn.functional.one_hot(labels, classCount).to(input.dtype)
            .view(-1, classCount, 1, 1)
            .expand(input.shape[0], classCount, input.shape[2], input.shape[3]);
        return torch.cat([input, maps], 1).MoveToOuterDisposeScope();
    }
}
