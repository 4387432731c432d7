using GanKit.Metrics;
using GanKit.Networks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist.Evaluation;

/// <summary>
/// Scores generated MNIST digits against the MNIST test split: FID, KID, classifier score,
/// precision and recall, the histogram of predicted digits and a per-digit quality table, all on
/// the features of the shipped <see cref="MnistClassifier"/>; for class-conditional generators, also
/// each digit on the images asked for it (<see cref="EvaluateConditional(Tensor, Tensor)"/>).
/// </summary>
/// <remarks>
/// The test split's features, Gaussian statistics (overall and per digit) and manifold radii are
/// computed once in the constructor, so evaluating many checkpoints only pays for the generated images.
/// </remarks>
public sealed partial class MnistEvaluator : IDisposable
{
    private readonly IFeatureExtractor extractor;
    private readonly IDisposable? ownedExtractor;
    private readonly MnistEvaluatorOptions options;
    private readonly ILogger logger;
    private readonly ExtractedFeatures reference;
    private readonly GaussianStatistics referenceStatistics;
    private readonly Tensor referenceRadii;
    private readonly GaussianStatistics?[] digitStatistics;
    private readonly long[] digitReferenceCounts;

    /// <summary>Creates an evaluator against <paramref name="testSplit"/> with the shipped classifier and default settings.</summary>
    /// <param name="testSplit">The MNIST test split (images in [-1, 1]).</param>
    /// <exception cref="ArgumentNullException"><paramref name="testSplit"/> is null.</exception>
    /// <exception cref="InvalidDataException">The shipped classifier weights fail their hash check.</exception>
    public MnistEvaluator(MnistDataset testSplit)
        : this(testSplit, options: null)
    {
    }

    /// <summary>Creates an evaluator against <paramref name="testSplit"/> with the shipped classifier.</summary>
    /// <param name="testSplit">The MNIST test split (images in [-1, 1]).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="logger">Receives warnings, for example about digits with too few samples for a stable FID.</param>
    /// <exception cref="ArgumentNullException"><paramref name="testSplit"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="options"/> is out of range.</exception>
    /// <exception cref="InvalidDataException">The shipped classifier weights fail their hash check.</exception>
    public MnistEvaluator(MnistDataset testSplit, MnistEvaluatorOptions? options, ILogger<MnistEvaluator>? logger = null)
        : this(RequireImages(testSplit), testSplit.Labels, new MnistFeatureExtractor(), ownsExtractor: true, options, logger)
    {
    }

    /// <summary>Creates an evaluator against any labelled reference images and any feature extractor.</summary>
    /// <param name="referenceImages">Reference images <c>[N, ..extractor.ImageShape]</c>, N &gt;= 2.</param>
    /// <param name="referenceLabels">Their integer labels <c>[N]</c> in <c>[0, extractor.ClassCount)</c>.</param>
    /// <param name="extractor">The feature network; the caller keeps ownership.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="logger">Receives warnings, for example about digits with too few samples for a stable FID.</param>
    /// <exception cref="ArgumentNullException">An image, label or extractor argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="options"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The images do not fit the extractor, or the labels do not match them.</exception>
    public MnistEvaluator(Tensor referenceImages, Tensor referenceLabels, IFeatureExtractor extractor, MnistEvaluatorOptions? options = null, ILogger<MnistEvaluator>? logger = null)
        : this(referenceImages, referenceLabels, extractor, ownsExtractor: false, options, logger)
    {
    }

    private MnistEvaluator(Tensor referenceImages, Tensor referenceLabels, IFeatureExtractor extractor, bool ownsExtractor, MnistEvaluatorOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(referenceImages);
        ArgumentNullException.ThrowIfNull(referenceLabels);
        ArgumentNullException.ThrowIfNull(extractor);
        try
        {
            this.options = (options ?? new MnistEvaluatorOptions()).Clone();
            this.options.Validate();
            this.extractor = extractor;
            ownedExtractor = ownsExtractor ? extractor as IDisposable : null;
            this.logger = logger ?? NullLogger.Instance;
            if (referenceLabels.dim() != 1 || referenceLabels.shape[0] != referenceImages.shape[0] || referenceImages.shape[0] < 2)
            {
                throw new ArgumentException($"Expected at least 2 reference images and one label per image; got {referenceImages.shape[0]} images and labels of shape [{string.Join(", ", referenceLabels.shape)}].", nameof(referenceLabels));
            }

            int classes = checked((int)extractor.ClassCount);
            reference = extractor.Extract(referenceImages, this.options.BatchSize);
            referenceStatistics = GaussianStatistics.FromFeatures(reference.Features);
            referenceRadii = PrecisionRecall.ManifoldRadii(reference.Features, this.options.PrecisionRecallK);
            using var labels = referenceLabels.to(ScalarType.Int64, torch.CPU);
            digitReferenceCounts = ClassHistogram.FromLabels(labels, classes).Counts;
            digitStatistics = new GaussianStatistics?[classes];
            for (int digit = 0; digit < classes; digit++)
            {
                if (digitReferenceCounts[digit] >= 2)
                {
                    using var rows = labels.eq(digit).nonzero().squeeze(1);
                    using var digitFeatures = reference.Features.index_select(0, rows);
                    digitStatistics[digit] = GaussianStatistics.FromFeatures(digitFeatures);
                }
            }
        }
        catch
        {
            // The shipped extractor was created for this evaluator; nobody else can release it.
            if (ownsExtractor)
            {
                (extractor as IDisposable)?.Dispose();
            }

            throw;
        }
    }

    /// <summary>Gets the number of reference (test) images.</summary>
    public long ReferenceCount => reference.Count;

    /// <summary>Gets the feature network the evaluator uses.</summary>
    public IFeatureExtractor Extractor => extractor;

    /// <summary>Evaluates a set of generated images.</summary>
    /// <param name="images">Images <c>[N, 1, 28, 28]</c> in [-1, 1] (the range of a tanh generator), on any device. N must be at least 2, the number of classifier-score splits and k + 1.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentException">The images have the wrong shape, too few rows, or hold NaN or infinity.</exception>
    public MnistEvaluationReport Evaluate(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        RequireMinimumCount(images);
        using var generated = extractor.Extract(images, options.BatchSize);
        return Evaluate(generated);
    }

    private void RequireMinimumCount(Tensor images)
    {
        long minimum = Math.Max(2, Math.Max(options.ClassifierScoreSplits, options.PrecisionRecallK + 1));
        if (images.dim() >= 1 && images.shape[0] < minimum)
        {
            throw new ArgumentException($"Evaluation needs at least {minimum} images (2 for FID, {options.ClassifierScoreSplits} classifier-score splits, k + 1 = {options.PrecisionRecallK + 1} for precision/recall); got {images.shape[0]}.", nameof(images));
        }
    }

    private MnistEvaluationReport Evaluate(ExtractedFeatures generated)
    {
        using var generatedStatistics = GaussianStatistics.FromFeatures(generated.Features);
        double fid = FrechetDistance.Compute(referenceStatistics, generatedStatistics, logger);
        var kid = KernelInceptionDistance.Compute(reference.Features, generated.Features, options.KidSubsets, options.KidSubsetSize, options.Seed);
        var score = ClassifierScore.Compute(generated.Probabilities, options.ClassifierScoreSplits);
        var precisionRecall = PrecisionRecall.Compute(reference.Features, referenceRadii, generated.Features, options.PrecisionRecallK);
        var histogram = ClassHistogram.FromProbabilities(generated.Probabilities);
        var digits = PerDigit(generated, histogram);

        return new MnistEvaluationReport(
            fid,
            kid.Mean,
            kid.Std,
            score.Mean,
            score.Std,
            precisionRecall.Precision,
            precisionRecall.Recall,
            histogram,
            digits,
            generated.Count,
            reference.Count,
            extractor.Name,
            extractor.WeightsSha256,
            kid.Repeats,
            kid.SamplesPerRepeat,
            options.ClassifierScoreSplits,
            options.PrecisionRecallK,
            options.Seed);
    }

    /// <summary>
    /// Draws <paramref name="sampleCount"/> images from <paramref name="generator"/> (standard normal
    /// latent vectors seeded by <see cref="MnistEvaluatorOptions.Seed"/>, evaluation mode, no
    /// gradients) and evaluates them.
    /// </summary>
    /// <param name="generator">A generator of <c>[1, 28, 28]</c> images in [-1, 1], on any device; its training mode is restored afterwards.</param>
    /// <param name="sampleCount">Number of images to draw; 10,000 by default, as FID on MNIST is usually reported.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleCount"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The generator's output shape is not the extractor's image shape, or <paramref name="sampleCount"/> is below the minimum <see cref="Evaluate(Tensor)"/> needs.</exception>
    public MnistEvaluationReport Evaluate(GeneratorNetwork generator, int sampleCount = MnistEvaluatorOptions.DefaultSampleCount)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleCount);
        if (!generator.OutputShape.SequenceEqual(extractor.ImageShape))
        {
            throw new ArgumentException($"The generator makes images of shape [{string.Join(", ", generator.OutputShape)}]; extractor '{extractor.Name}' needs [{string.Join(", ", extractor.ImageShape)}].", nameof(generator));
        }

        using var images = Sample(generator, sampleCount);
        return Evaluate(images);
    }

    private Tensor Sample(GeneratorNetwork generator, int sampleCount)
    {
        var device = generator.parameters().FirstOrDefault()?.device ?? torch.CPU;
        bool wasTraining = generator.training;
        generator.eval();
        try
        {
            using var noGrad = torch.no_grad();

            // Latents come from a private CPU generator so the samples depend on the seed only, not
            // on the device or on whatever else drew from the global random stream.
            using var random = new torch.Generator((ulong)options.Seed);
            using var latent = torch.randn(sampleCount, generator.LatentDim, generator: random);
            var batches = new List<Tensor>();
            try
            {
                for (long start = 0; start < sampleCount; start += options.BatchSize)
                {
                    using var scope = torch.NewDisposeScope();
                    var batch = latent.narrow(0, start, Math.Min(options.BatchSize, sampleCount - start)).to(device);
                    batches.Add(generator.call(batch).to(ScalarType.Float32, torch.CPU).MoveToOuterDisposeScope());
                }

                return torch.cat(batches, 0);
            }
            finally
            {
                foreach (var batch in batches)
                {
                    batch.Dispose();
                }
            }
        }
        finally
        {
            generator.train(wasTraining);
        }
    }

    /// <summary>Releases the cached reference features and the shipped classifier when this evaluator loaded it.</summary>
    public void Dispose()
    {
        reference.Dispose();
        referenceStatistics.Dispose();
        referenceRadii.Dispose();
        foreach (var statistics in digitStatistics)
        {
            statistics?.Dispose();
        }

        ownedExtractor?.Dispose();
    }

    private static Tensor RequireImages(MnistDataset testSplit)
    {
        ArgumentNullException.ThrowIfNull(testSplit);
        return testSplit.Images;
    }

    private MnistDigitQuality[] PerDigit(ExtractedFeatures generated, ClassHistogramResult histogram)
    {
        using var predicted = generated.PredictedClasses();
        var rows = new MnistDigitQuality[digitStatistics.Length];
        for (int digit = 0; digit < rows.Length; digit++)
        {
            long count = histogram.Counts[digit];
            double? confidence = null;
            double? fid = null;
            if (count > 0)
            {
                using var scope = torch.NewDisposeScope();
                var members = predicted.eq(digit).nonzero().squeeze(1);
                confidence = generated.Probabilities.index_select(0, members).select(1, digit).mean().item<double>();
                if (count >= 2 && digitStatistics[digit] is { } digitReference)
                {
                    using var statistics = GaussianStatistics.FromFeatures(generated.Features.index_select(0, members));
                    fid = FrechetDistance.Compute(digitReference, statistics, logger);
                }
            }

            rows[digit] = new MnistDigitQuality(digit, count, histogram.Shares[digit], confidence, fid, digitReferenceCounts[digit]);
        }

        return rows;
    }
}
