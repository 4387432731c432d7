using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Metrics;

/// <summary>
/// The LeNet-style recipe GanKit.Mnist ships for MNIST, widened to any channel count and to square
/// images of <see cref="MinImageSize"/> to <see cref="MaxImageSize"/> pixels: 5x5 convolution to 20
/// channels, ReLU, 2x2 max-pool; 5x5 convolution to 50, ReLU, 2x2 max-pool; an adaptive average pool
/// to 4x4, so every size meets the same 800 -> 128 linear layer (the features, after a ReLU);
/// dropout 0.25; a 128 -> classes linear layer.
/// </summary>
/// <remarks>At 28 pixels the pool is the identity and the network is the MNIST one with other channels and classes.</remarks>
public sealed class LeNetClassifier : Module<Tensor, Tensor>
{
    /// <summary>The length of the feature vector.</summary>
    public const int FeatureDimension = 128;

    /// <summary>The smallest image side accepted: 28 pixels.</summary>
    public const int MinImageSize = 28;

    /// <summary>The largest image side accepted: 64 pixels.</summary>
    public const int MaxImageSize = 64;

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly AdaptiveAvgPool2d pool;
    private readonly Linear hidden;
    private readonly Dropout dropout;
    private readonly Linear output;

    /// <summary>Creates a classifier with fresh weights (from the global random stream).</summary>
    /// <param name="channels">1 (grayscale) or 3 (RGB).</param>
    /// <param name="imageSize">The image side, <see cref="MinImageSize"/> to <see cref="MaxImageSize"/>.</param>
    /// <param name="classCount">Number of classes, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public LeNetClassifier(int channels, int imageSize, int classCount)
        : base(nameof(LeNetClassifier))
    {
        if (channels != 1 && channels != 3)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"The classifier takes 1 or 3 channels; got {channels}.");
        }

        if (imageSize < MinImageSize || imageSize > MaxImageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, $"The classifier takes images of {MinImageSize} to {MaxImageSize} pixels; got {imageSize}.");
        }

        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"A classifier needs at least 2 classes; got {classCount}. For unlabelled images use RandomConvFeatureExtractor.");
        }

        Channels = channels;
        ImageSize = imageSize;
        ClassCount = classCount;
        conv1 = Conv2d(channels, 20, 5);
        conv2 = Conv2d(20, 50, 5);
        pool = AdaptiveAvgPool2d(4);
        hidden = Linear(50 * 4 * 4, FeatureDimension);
        dropout = Dropout(0.25);
        output = Linear(FeatureDimension, classCount);
        RegisterComponents();
    }

    /// <summary>Gets the number of input channels.</summary>
    public int Channels { get; }

    /// <summary>Gets the image side in pixels.</summary>
    public int ImageSize { get; }

    /// <summary>Gets the number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Computes the logits of a batch.</summary>
    /// <param name="input">Images <c>[B, Channels, ImageSize, ImageSize]</c>.</param>
    /// <returns>Logits <c>[B, ClassCount]</c>.</returns>
    public override Tensor forward(Tensor input)
    {
        using var features = Features(input);
        using var dropped = dropout.call(features);
        return output.call(dropped);
    }

    /// <summary>Computes the penultimate-layer features of a batch (after its ReLU).</summary>
    /// <param name="input">Images <c>[B, Channels, ImageSize, ImageSize]</c>.</param>
    /// <returns>Features <c>[B, 128]</c>.</returns>
    /// <exception cref="ArgumentException">The batch has another shape.</exception>
    public Tensor Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.shape[1] != Channels || input.shape[2] != ImageSize || input.shape[3] != ImageSize)
        {
            throw new ArgumentException($"{nameof(LeNetClassifier)} takes images of shape [B, {Channels}, {ImageSize}, {ImageSize}]; got [{string.Join(", ", input.shape)}].", nameof(input));
        }

        using var scope = torch.NewDisposeScope();
        var x = functional.max_pool2d(functional.relu(conv1.call(input)), 2);
        x = pool.call(functional.max_pool2d(functional.relu(conv2.call(x)), 2));
        return functional.relu(hidden.call(x.flatten(1))).MoveToOuterDisposeScope();
    }

    /// <summary>Computes features and class probabilities with one pass through the convolutions.</summary>
    internal (Tensor Features, Tensor Probabilities) FeaturesAndProbabilities(Tensor input)
    {
        var features = Features(input);
        using var dropped = dropout.call(features);
        using var logits = output.call(dropped);
        return (features, functional.softmax(logits, 1));
    }
}
