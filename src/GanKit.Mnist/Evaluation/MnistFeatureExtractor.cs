using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist.Evaluation;

/// <summary>
/// The <see cref="IFeatureExtractor"/> for MNIST: the penultimate layer and softmax of a
/// <see cref="MnistClassifier"/>, by default the one shipped inside GanKit.Mnist.
/// </summary>
/// <remarks>
/// The network runs on the CPU; batches on another device are copied there, which costs little next
/// to the generator and keeps the shipped numbers independent of the GPU in use.
/// </remarks>
public sealed class MnistFeatureExtractor : IFeatureExtractor, IDisposable
{
    private static readonly long[] MnistImageShape = [1, 28, 28];

    private readonly MnistClassifier classifier;
    private readonly bool ownsClassifier;

    /// <summary>Creates an extractor over the shipped classifier (its weights hash is checked).</summary>
    /// <exception cref="InvalidDataException">The shipped weights are missing or fail their hash check.</exception>
    public MnistFeatureExtractor()
        : this(MnistClassifier.LoadShipped(), MnistClassifier.NetworkName, MnistClassifier.ShippedWeightsSha256, ownsClassifier: true)
    {
    }

    /// <summary>Creates an extractor over a classifier the caller trained or loaded.</summary>
    /// <param name="classifier">The classifier; the caller keeps ownership. It is switched to evaluation mode.</param>
    /// <param name="name">The name reports will carry.</param>
    /// <param name="weightsSha256">The SHA-256 of the classifier's weights file, which reports will carry.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="weightsSha256"/> is empty or blank.</exception>
    public MnistFeatureExtractor(MnistClassifier classifier, string name, string weightsSha256)
        : this(classifier, name, weightsSha256, ownsClassifier: false)
    {
    }

    private MnistFeatureExtractor(MnistClassifier classifier, string name, string weightsSha256, bool ownsClassifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(weightsSha256);
        this.classifier = classifier;
        this.ownsClassifier = ownsClassifier;
        Name = name;
        WeightsSha256 = weightsSha256.ToLowerInvariant();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string WeightsSha256 { get; }

    /// <inheritdoc />
    public long FeatureDimension => MnistClassifier.FeatureDimension;

    /// <inheritdoc />
    public long ClassCount => MnistClassifier.ClassCount;

    /// <inheritdoc />
    public long[] ImageShape => (long[])MnistImageShape.Clone();

    /// <summary>Gets the classifier the features come from.</summary>
    public MnistClassifier Classifier => classifier;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    public (Tensor Features, Tensor Probabilities) ExtractBatch(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || !images.shape.AsSpan(1).SequenceEqual(MnistImageShape))
        {
            throw new ArgumentException($"Extractor '{Name}' takes images of shape [B, 1, 28, 28]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        // Dropout must be off, or the same image would give different features on each call.
        classifier.eval();
        using var noGrad = torch.no_grad();
        using var cpu = images.to(ScalarType.Float32, torch.CPU);
        return classifier.FeaturesAndProbabilities(cpu);
    }

    /// <summary>Releases the classifier when this extractor loaded it.</summary>
    public void Dispose()
    {
        if (ownsClassifier)
        {
            classifier.Dispose();
        }
    }
}
