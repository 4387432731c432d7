using GanKit.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.CustomLayer;

/// <summary>
/// Minibatch standard deviation (Karras et al., "Progressive Growing of GANs", 2018): appends one
/// feature map holding how much the samples of a small group differ from each other.
/// </summary>
/// <remarks>
/// A discriminator that looks at one image at a time cannot see that a generator draws the same
/// digit over and over. This extra channel lets it see the batch's variety, so mode collapse costs
/// the generator something. It plugs into <see cref="DiscriminatorBuilder"/> through
/// <see cref="NetworkBuilder{TBuilder}.Add(ILayer)"/> exactly as the built-in layers do: the builder
/// asks <see cref="InferOutputShape"/> when the layer is added (so a wrong shape fails at once,
/// naming this layer) and calls <see cref="CreateModule"/> at <c>Build()</c>.
/// </remarks>
public sealed class MinibatchStdDevLayer : ILayer
{
    /// <summary>The group size of the paper.</summary>
    public const int DefaultGroupSize = 4;

    /// <summary>Creates the layer.</summary>
    /// <param name="groupSize">Samples compared with each other; a batch that this does not divide uses the largest group size that does.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupSize"/> is less than 2.</exception>
    public MinibatchStdDevLayer(int groupSize = DefaultGroupSize)
    {
        if (groupSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, $"A minibatch standard deviation needs groups of at least 2 samples; got {groupSize}.");
        }

        GroupSize = groupSize;
    }

    /// <summary>Gets the group size.</summary>
    public int GroupSize { get; }

    /// <inheritdoc />
    public string Kind => "MinibatchStdDev";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The input is not a <c>[C, H, W]</c> feature map.</exception>
    public long[] InferOutputShape(long[] inputShape)
    {
        // The builder prefixes this message with the layer's index and the shape that came in.
        if (inputShape.Length != 3)
        {
            throw new ArgumentException("it needs a [channels, height, width] feature map, so put it before Flatten().");
        }

        return [inputShape[0] + 1, inputShape[1], inputShape[2]];
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new MinibatchStdDevModule(GroupSize);
}
