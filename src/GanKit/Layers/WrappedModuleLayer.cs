using GanKit.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Stands for a whole TorchSharp module a user brought (<c>Generators.FromModule</c>,
/// <c>Discriminators.FromModule</c>), so the module sits in a network exactly where a builder's
/// layers would and the trainer sees no difference.
/// </summary>
/// <remarks>
/// The module exists already, so <see cref="CreateModule(long[])"/> hands over that one instance,
/// once: the network that receives it owns it. Its weights can be saved, but a description of it
/// cannot, so loading such a network needs the module again.
/// </remarks>
internal class WrappedModuleLayer : ILayer
{
    private readonly long[] inputShape;
    private readonly long[] outputShape;
    private nn.Module<Tensor, Tensor>? module;

    public WrappedModuleLayer(nn.Module<Tensor, Tensor> module, long[] inputShape, long[] outputShape)
    {
        this.module = module;
        this.inputShape = (long[])inputShape.Clone();
        this.outputShape = (long[])outputShape.Clone();
        ModuleType = module.GetType().Name;
    }

    /// <summary>Gets the .NET type name of the wrapped module, as written into a saved network.</summary>
    public string ModuleType { get; }

    public string Kind => "Module(" + ModuleType + ")";

    public long[] InferOutputShape(long[] inputShape)
    {
        if (!inputShape.SequenceEqual(this.inputShape))
        {
            throw new ArgumentException($"The wrapped module takes {Shapes.Format(this.inputShape)}.");
        }

        return (long[])outputShape.Clone();
    }

    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) =>
        Interlocked.Exchange(ref module, null) ?? throw new InvalidOperationException("A wrapped module belongs to one network; wrap a new module for another network.");

    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape, Generator random) => CreateModule(inputShape);
}

/// <summary>
/// A wrapped <see cref="ConditionalModule"/> of a user's (<c>Generators.FromModule</c> or
/// <c>Discriminators.FromModule</c> with a class count): the network hands it the labels.
/// </summary>
internal sealed class WrappedConditionalModuleLayer(ConditionalModule module, int classCount, long[] inputShape, long[] outputShape)
    : WrappedModuleLayer(module, inputShape, outputShape), IConditionalLayer
{
    public int ClassCount { get; } = ConditionalLayerChecks.ClassCount(classCount, nameof(classCount));

    /// <summary>How a shape probe runs a conditional module: class 0 for every sample.</summary>
    public static Func<Tensor, Tensor> ProbeWithClassZero(ConditionalModule module) =>
        input => module.forward(input, torch.zeros(input.shape[0], dtype: ScalarType.Int64, device: input.device));
}
