using GanKit.Initialization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>The module of <see cref="LabelEmbeddingLayer"/>: <c>[x, weight[y]]</c>.</summary>
internal sealed class LabelEmbeddingModule : ConditionalModule
{
    private readonly Parameter weight;

    public LabelEmbeddingModule(int classCount, long dimensions, Generator? random) : base(nameof(LabelEmbeddingModule))
    {
        weight = new Parameter(empty(classCount, dimensions));
        new NormalInitializer(0, 1).Initialize(weight, classCount, dimensions, random);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor labels)
    {
        using var embedded = weight.index_select(0, labels);
        return torch.cat([input, embedded], 1);
    }
}
