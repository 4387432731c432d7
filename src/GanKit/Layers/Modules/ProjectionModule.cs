using GanKit.Initialization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>The module of <see cref="ProjectionLayer"/>: <c>w·h + b + embed[y]·h</c>.</summary>
internal sealed class ProjectionModule : ConditionalModule
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Parameter embedding;

    public ProjectionModule(long features, int classCount, Generator? random) : base(nameof(ProjectionModule))
    {
        var glorot = new GlorotUniformInitializer();
        weight = new Parameter(empty(1, features));
        glorot.Initialize(weight, features, 1, random);
        bias = new Parameter(zeros(1));
        embedding = new Parameter(empty(classCount, features));
        glorot.Initialize(embedding, features, classCount, random);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var linear = nn.functional.linear(input, weight, bias);
        var projected = embedding.index_select(0, labels).mul(input).sum(1, keepdim: true);
        return linear.add(projected).MoveToOuterDisposeScope();
    }
}
