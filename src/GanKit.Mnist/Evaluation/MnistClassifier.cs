using System.Security.Cryptography;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Mnist.Evaluation;

/// <summary>
/// A LeNet-style digit classifier whose penultimate layer supplies the features for FID, KID and
/// precision/recall on MNIST, and whose softmax supplies the classifier score and per-digit table.
/// </summary>
/// <remarks>
/// <para>
/// Layout: 5×5 convolution to 20 channels, ReLU, 2×2 max-pool; 5×5 convolution to 50 channels, ReLU,
/// 2×2 max-pool; a 800 → 128 linear layer with ReLU (the <see cref="Features"/>); dropout; a 128 → 10
/// linear layer (logits). It takes images in [-1, 1] like the GAN generators produce.
/// </para>
/// <para>
/// The width keeps the float32 weights near 0.5 MB, so they can ship inside the package, while the
/// network still passes 99% test accuracy after a few CPU minutes of training
/// (<c>samples/GanKit.Samples.MnistClassifier</c> reproduces the shipped weights).
/// </para>
/// </remarks>
public sealed class MnistClassifier : Module<Tensor, Tensor>
{
    /// <summary>The length of the feature vector <see cref="Features"/> returns.</summary>
    public const int FeatureDimension = 128;

    /// <summary>The number of classes (digits 0 to 9).</summary>
    public const int ClassCount = 10;

    /// <summary>The name the shipped network reports in evaluation results.</summary>
    public const string NetworkName = "mnist-lenet-20-50-128";

    /// <summary>
    /// The lowercase hexadecimal SHA-256 of the shipped weights file, checked on every load so a
    /// corrupted or swapped file can never silently change evaluation numbers.
    /// </summary>
    public const string ShippedWeightsSha256 = "8499b7383f53fb95cb4718cf2a59e07b6de1d9c3f850356ff7bfbb178ade6654";

    internal const string ResourceName = "GanKit.Mnist.Evaluation.mnist-lenet.weights";

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear hidden;
    private readonly Dropout dropout;
    private readonly Linear output;

    /// <summary>Creates a classifier with freshly initialised weights (from the global random stream).</summary>
    public MnistClassifier()
        : base(nameof(MnistClassifier))
    {
        conv1 = Conv2d(1, 20, 5);
        conv2 = Conv2d(20, 50, 5);
        hidden = Linear(50 * 4 * 4, FeatureDimension);
        dropout = Dropout(0.25);
        output = Linear(FeatureDimension, ClassCount);
        RegisterComponents();
    }

    /// <summary>Computes the logits of a batch.</summary>
    /// <param name="input">Images <c>[B, 1, 28, 28]</c> in [-1, 1].</param>
    /// <returns>Logits <c>[B, 10]</c>.</returns>
    public override Tensor forward(Tensor input)
    {
        using var features = Features(input);
        using var dropped = dropout.call(features);
        return output.call(dropped);
    }

    /// <summary>Computes the penultimate-layer features of a batch (after its ReLU).</summary>
    /// <param name="input">Images <c>[B, 1, 28, 28]</c> in [-1, 1].</param>
    /// <returns>Features <c>[B, 128]</c>.</returns>
    /// <exception cref="ArgumentException">The batch is not <c>[B, 1, 28, 28]</c>.</exception>
    public Tensor Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.shape[1] != 1 || input.shape[2] != 28 || input.shape[3] != 28)
        {
            throw new ArgumentException($"{nameof(MnistClassifier)} takes images of shape [B, 1, 28, 28]; got [{string.Join(", ", input.shape)}].", nameof(input));
        }

        using var scope = torch.NewDisposeScope();
        var x = functional.max_pool2d(functional.relu(conv1.call(input)), 2);
        x = functional.max_pool2d(functional.relu(conv2.call(x)), 2);
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

    /// <summary>Computes class probabilities (softmax of the logits) of a batch.</summary>
    /// <param name="input">Images <c>[B, 1, 28, 28]</c> in [-1, 1].</param>
    /// <returns>Probabilities <c>[B, 10]</c>.</returns>
    /// <exception cref="ArgumentException">The batch is not <c>[B, 1, 28, 28]</c>.</exception>
    public Tensor Probabilities(Tensor input)
    {
        using var logits = forward(input);
        return functional.softmax(logits, 1);
    }

    /// <summary>Measures top-1 accuracy in evaluation mode, batch by batch, without gradients.</summary>
    /// <param name="images">Images <c>[N, 1, 28, 28]</c> in [-1, 1].</param>
    /// <param name="labels">Integer labels <c>[N]</c>.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <returns>The share of images whose predicted digit equals the label.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The counts differ, or there are no images.</exception>
    public double Accuracy(Tensor images, Tensor labels, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long n = images.shape[0];
        if (n == 0 || labels.shape[0] != n)
        {
            throw new ArgumentException($"Expected as many labels as images (and at least one); got {n} images and {labels.shape[0]} labels.", nameof(labels));
        }

        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = torch.no_grad();
            long correct = 0;
            for (long start = 0; start < n; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                long length = Math.Min(batchSize, n - start);
                var predicted = forward(images.narrow(0, start, length)).argmax(1);
                correct += predicted.eq(labels.narrow(0, start, length).to(predicted.device)).sum().item<long>();
            }

            return (double)correct / n;
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>
    /// Loads the weights that ship inside GanKit.Mnist, after checking their SHA-256 against
    /// <see cref="ShippedWeightsSha256"/>. The network is returned in evaluation mode on the CPU.
    /// </summary>
    /// <returns>The shipped classifier.</returns>
    /// <exception cref="InvalidDataException">The embedded weights are missing or their hash differs from the expected one.</exception>
    public static MnistClassifier LoadShipped()
    {
        using var stream = typeof(MnistClassifier).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The classifier weights resource '{ResourceName}' is missing from {typeof(MnistClassifier).Assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.ToArray(), ShippedWeightsSha256, ResourceName);
    }

    /// <summary>
    /// Loads classifier weights from bytes (a file written by <c>Module.save</c>) after checking
    /// their SHA-256. The network is returned in evaluation mode on the CPU.
    /// </summary>
    /// <param name="weights">The weights file's bytes.</param>
    /// <param name="expectedSha256">The lowercase hexadecimal SHA-256 the bytes must have.</param>
    /// <param name="sourceName">Where the bytes came from, for error messages.</param>
    /// <returns>The loaded classifier.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">The hash differs from <paramref name="expectedSha256"/>, or the bytes are not weights of this network.</exception>
    public static MnistClassifier Load(byte[] weights, string expectedSha256, string sourceName = "weights")
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(expectedSha256);
        ArgumentNullException.ThrowIfNull(sourceName);
        string actual = Sha256Hex(weights);
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The classifier weights in '{sourceName}' failed their integrity check: expected SHA-256 {expectedSha256.ToLowerInvariant()}, actual {actual}. Evaluation numbers from other weights are not comparable; restore the original file or retrain with samples/GanKit.Samples.MnistClassifier and update the expected hash.");
        }

        var classifier = new MnistClassifier();
        try
        {
            using var stream = new MemoryStream(weights, writable: false);
            classifier.load(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            classifier.Dispose();
            throw new InvalidDataException($"The classifier weights in '{sourceName}' have the expected hash but could not be loaded into {nameof(MnistClassifier)}: {e.Message}", e);
        }

        classifier.eval();
        return classifier;
    }

    /// <summary>Computes the lowercase hexadecimal SHA-256 of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The data to hash.</param>
    /// <returns>64 lowercase hexadecimal characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    public static string Sha256Hex(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
