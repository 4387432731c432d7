using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GanKit.Data;
using GanKit.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Features and class probabilities from a <see cref="LeNetClassifier"/> trained on the user's own
/// labelled images, so FID, KID, precision/recall, density/coverage and the per-class table
/// (<see cref="ImageSetEvaluator"/>) work on any labelled dataset as the shipped network makes them work on MNIST.
/// </summary>
/// <remarks>
/// <para>
/// Numbers from two extractors are only comparable when both have the same <see cref="WeightsSha256"/>:
/// train once, <see cref="Save"/>, and <see cref="Load"/> the same file for every later evaluation.
/// The hash covers the whole saved file (the class names, the image shape and the weights) and is
/// copied into every report.
/// </para>
/// <para>
/// Training is seeded and single-process deterministic for a given thread count: intra-op parallel
/// reductions can change the last bits of the weights with another count, and so the hash.
/// </para>
/// </remarks>
public sealed class ClassifierFeatureExtractor : IFeatureExtractor, IDisposable
{
    private const string Format = "gankit-classifier";
    private const int FormatVersion = 1;

    private readonly LeNetClassifier _classifier;
    private readonly string[] _classNames;
    private readonly byte[] _file;

    private ClassifierFeatureExtractor(LeNetClassifier classifier, string[] classNames, byte[] file)
    {
        _classifier = classifier;
        _classNames = classNames;
        _file = file;
        WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        _classifier.eval();
    }

    /// <inheritdoc />
    public string Name => $"lenet-{_classifier.Channels}x{_classifier.ImageSize}x{_classifier.ImageSize}-{ClassCount}-classes";

    /// <inheritdoc />
    /// <remarks>The SHA-256 of the file <see cref="Save"/> writes, so the same file always reports the same hash.</remarks>
    public string WeightsSha256 { get; }

    /// <inheritdoc />
    public long FeatureDimension => LeNetClassifier.FeatureDimension;

    /// <inheritdoc />
    public long ClassCount => _classifier.ClassCount;

    /// <inheritdoc />
    public long[] ImageShape => new long[] { _classifier.Channels, _classifier.ImageSize, _classifier.ImageSize };

    /// <summary>Gets the class names, indexed by label, as the training set named them.</summary>
    public IReadOnlyList<string> ClassNames => _classNames;

    /// <summary>Gets the classifier (in evaluation mode).</summary>
    public LeNetClassifier Classifier => _classifier;

    /// <summary>
    /// Trains the classifier on <paramref name="images"/> labelled by <paramref name="labels"/>
    /// with Adam, the learning rate halved each epoch, as the MNIST recipe does.
    /// </summary>
    /// <param name="images">Images <c>[N, C, S, S]</c>, C 1 or 3, S 28 to 64, in the range the generator produces.</param>
    /// <param name="labels">The labels of the same images, in the same order (an <see cref="ImageFolderDataset"/> with class folders, MNIST, ...).</param>
    /// <param name="options">Schedule and seed; null for the defaults.</param>
    /// <param name="log">Receives one line per epoch; null for none.</param>
    /// <returns>An extractor the caller disposes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option, the channel count, the image size or the class count is out of range.</exception>
    /// <exception cref="ArgumentException">The counts differ, or the images are not square.</exception>
    public static ClassifierFeatureExtractor Train(IImageDataset images, ILabelledDataset labels, ClassifierTrainingOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        options = (options ?? new ClassifierTrainingOptions()).Clone();
        options.Validate();
        var shape = images.ImageShape;
        if (shape.Length != 3 || shape[1] != shape[2])
        {
            throw new ArgumentException($"The classifier takes square images [C, S, S]; got [{string.Join(", ", shape)}].", nameof(images));
        }

        if (labels.Count != images.Count)
        {
            throw new ArgumentException($"There are {images.Count} images but {labels.Count} labels.", nameof(labels));
        }

        torch.manual_seed(options.Seed);
        var classifier = new LeNetClassifier((int)shape[0], (int)shape[1], labels.ClassCount);
        try
        {
            Fit(classifier, images.Images, labels.Labels, options, log);
            return FromTrained(classifier, labels.ClassNames.ToArray());
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <summary>Loads an extractor <see cref="Save"/> wrote, checking its hash when one is given.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedSha256">The hash the file must have (from an earlier report), or null to accept it as it is.</param>
    /// <returns>An extractor the caller disposes, on the CPU.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The hash differs, or the file is not a saved classifier; the message names the file.</exception>
    public static ClassifierFeatureExtractor Load(string path, string? expectedSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] file = File.ReadAllBytes(path);
        string actual = Convert.ToHexStringLower(SHA256.HashData(file));
        if (expectedSha256 is not null && !string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The classifier in '{path}' has SHA-256 {actual}, not the expected {expectedSha256.ToLowerInvariant()}; numbers from other weights are not comparable.");
        }

        int newline = Array.IndexOf(file, (byte)'\n');
        Header? header = null;
        try
        {
            header = newline > 0 ? JsonSerializer.Deserialize<Header>(file.AsSpan(0, newline)) : null;
        }
        catch (JsonException)
        {
        }

        if (header is null || header.Format != Format || header.Version != FormatVersion || header.ClassNames is null)
        {
            throw new InvalidDataException($"'{path}' is not a classifier saved by {nameof(ClassifierFeatureExtractor)}.{nameof(Save)} (format {Format} version {FormatVersion}).");
        }

        var classifier = new LeNetClassifier(header.Channels, header.ImageSize, header.ClassNames.Length);
        try
        {
            using var weights = new MemoryStream(file, newline + 1, file.Length - newline - 1, writable: false);
            classifier.load(weights);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            classifier.Dispose();
            throw new InvalidDataException($"'{path}' has a valid header but its weights do not load into {nameof(LeNetClassifier)}: {e.Message}", e);
        }

        return new ClassifierFeatureExtractor(classifier, header.ClassNames, file);
    }

    /// <summary>Writes the classifier, class names and image shape to <paramref name="path"/>; its SHA-256 is <see cref="WeightsSha256"/>.</summary>
    /// <param name="path">Destination; replaced when present, never left half-written.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, stream => stream.Write(_file));
    }

    /// <summary>Measures top-1 accuracy on labelled images, without gradients.</summary>
    /// <param name="images">Images of <see cref="ImageShape"/>.</param>
    /// <param name="labels">Their labels.</param>
    /// <returns>The share of images whose predicted class equals the label.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The counts differ, or there are no images.</exception>
    public double Accuracy(IImageDataset images, ILabelledDataset labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Count == 0 || labels.Count != images.Count)
        {
            throw new ArgumentException($"Expected as many labels as images, and at least one; got {images.Count} images and {labels.Count} labels.", nameof(labels));
        }

        using var extracted = this.Extract(images.Images);
        using var predicted = extracted.Probabilities.argmax(1);
        using var truth = labels.Labels.to(torch.CPU);
        using var equal = predicted.eq(truth);
        using var correct = equal.sum();
        return correct.item<long>() / (double)images.Count;
    }

    /// <inheritdoc />
    public (Tensor Features, Tensor Probabilities) ExtractBatch(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        _classifier.eval();
        using var noGrad = torch.no_grad();
        using var cpu = images.to(ScalarType.Float32, torch.CPU);
        return _classifier.FeaturesAndProbabilities(cpu);
    }

    /// <summary>Releases the classifier.</summary>
    public void Dispose() => _classifier.Dispose();

    private static ClassifierFeatureExtractor FromTrained(LeNetClassifier classifier, string[] classNames)
    {
        var header = new Header(Format, FormatVersion, classifier.Channels, classifier.ImageSize, classNames);
        using var buffer = new MemoryStream();
        buffer.Write(JsonSerializer.SerializeToUtf8Bytes(header));
        buffer.WriteByte((byte)'\n');
        using (var weights = new MemoryStream())
        {
            // Module.save closes the stream it writes, so it gets its own.
            classifier.save(weights);
            buffer.Write(weights.ToArray());
        }

        return new ClassifierFeatureExtractor(classifier, classNames, buffer.ToArray());
    }

    private static void Fit(LeNetClassifier classifier, Tensor images, Tensor labels, ClassifierTrainingOptions options, Action<string>? log)
    {
        using var cpuImages = images.to(ScalarType.Float32, torch.CPU);
        using var cpuLabels = labels.to(ScalarType.Int64, torch.CPU);
        classifier.train();
        using var optimizer = torch.optim.Adam(classifier.parameters(), lr: options.LearningRate);
        long count = cpuImages.shape[0];
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            double learningRate = options.LearningRate * Math.Pow(0.5, epoch);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }

            // The batch order comes from the one shuffled-index iterator, with its own generator.
            double lossSum = 0;
            long steps = 0;
            foreach (var index in ShuffledBatches.BatchIndices(count, options.BatchSize, options.Seed + epoch, torch.CPU, dropLast: count >= options.BatchSize))
            using (index)
            using (var scope = torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = torch.nn.functional.cross_entropy(classifier.call(cpuImages.index_select(0, index)), cpuLabels.index_select(0, index));
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                steps++;
            }

            log?.Invoke($"classifier epoch {epoch + 1}/{options.Epochs}: lr {learningRate:g3}, mean loss {lossSum / steps:F4}");
        }

        classifier.eval();
    }

    private sealed record Header(string Format, int Version, int Channels, int ImageSize, string[] ClassNames);
}
