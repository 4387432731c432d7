using GanKit.Networks;
using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist.Evaluation;

/// <summary>Per-class evaluation of class-conditional generators: each digit judged on the images asked for it.</summary>
public sealed partial class MnistEvaluator
{
    /// <summary>The default number of images drawn per digit from a conditional generator: 10,000 in all, as FID on MNIST is usually reported.</summary>
    internal const int DefaultSamplesPerClass = 1000;

    /// <summary>
    /// Evaluates images a class-conditional generator drew for given digits: per digit, the FID
    /// against the test images of that digit, the share the shipped classifier reads as that digit
    /// and its mean confidence; overall, the intra-class FID, the class accuracy and the ordinary
    /// report of <see cref="Evaluate(Tensor)"/>.
    /// </summary>
    /// <param name="images">Images <c>[N, 1, 28, 28]</c> in [-1, 1], on any device.</param>
    /// <param name="requestedLabels">The digit each image was asked for: integers (int64, as conditional generators take them) <c>[N]</c> in <c>[0, 10)</c>, on any device. Every digit needs at least 2 images, as FID does.</param>
    /// <returns>The report; features are extracted once for the per-digit and the ordinary metrics.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A requested label lies outside <c>[0, 10)</c>; the message names its index and value.</exception>
    /// <exception cref="ArgumentException">The labels are not a 1-D integer tensor, their count differs from the images', a digit has fewer than 2 images (the message names it), or the images fail <see cref="Evaluate(Tensor)"/>'s checks.</exception>
    /// <exception cref="InvalidOperationException">The evaluator's reference holds fewer than 2 images of some digit, so no per-class FID against it exists.</exception>
    public MnistConditionalReport EvaluateConditional(Tensor images, Tensor requestedLabels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(requestedLabels);
        using var labels = RequireRequestedLabels(images, requestedLabels);
        RequireMinimumCount(images);
        using var generated = extractor.Extract(images, options.BatchSize);
        using var predicted = generated.PredictedClasses();
        var digits = new MnistConditionalDigitQuality[digitStatistics.Length];
        for (int digit = 0; digit < digits.Length; digit++)
        {
            using var scope = torch.NewDisposeScope();
            var members = labels.eq(digit).nonzero().squeeze(1);
            double accuracy = predicted.index_select(0, members).eq(digit).to(ScalarType.Float64).mean().item<double>();
            double confidence = generated.Probabilities.index_select(0, members).select(1, digit).mean().item<double>();
            using var statistics = GaussianStatistics.FromFeatures(generated.Features.index_select(0, members));
            double fid = FrechetDistance.Compute(digitStatistics[digit]!, statistics, logger);
            digits[digit] = new MnistConditionalDigitQuality(digit, members.shape[0], accuracy, confidence, fid, digitReferenceCounts[digit]);
        }

        using var hits = predicted.eq(labels).to(ScalarType.Float64);
        double classAccuracy = hits.mean().item<double>();

        // StudioGAN's intra-class FID: the unweighted mean over classes, so every digit counts alike.
        double intraClassFid = digits.Average(d => d.Fid);
        return new MnistConditionalReport(digits, intraClassFid, classAccuracy, Evaluate(generated));
    }

    /// <summary>
    /// Asks a class-conditional generator for <paramref name="samplesPerClass"/> images of every
    /// digit and evaluates them with <see cref="EvaluateConditional(Tensor, Tensor)"/>. Latent
    /// vectors are standard normal from a private CPU random generator seeded by
    /// <see cref="MnistEvaluatorOptions.Seed"/> (the same stream the unconditional generator
    /// evaluation draws), so the result depends on the seed only.
    /// </summary>
    /// <param name="generate">
    /// Draws one batch: called with noise <c>[B, latentDim]</c> (float32, CPU) and the requested
    /// digits <c>[B]</c> (int64, CPU), B at most <see cref="MnistEvaluatorOptions.BatchSize"/>, and
    /// returns images <c>[B, 1, 28, 28]</c> in [-1, 1] on any device. The inputs are released after
    /// the call (clone them to keep them), as is whatever the delegate creates. It runs with autograd off;
    /// moving inputs to the generator's device and switching it to evaluation mode are the
    /// caller's part, for example <c>(noise, labels) =&gt; generator.forward(noise.to(device), labels.to(device))</c>.
    /// </param>
    /// <param name="latentDim">The generator's latent dimension.</param>
    /// <param name="samplesPerClass">Images drawn per digit, at least 2; 1,000 by default (10,000 in all). Digits take turns (0, 1, ..., 9, 0, ...) so every batch holds every digit.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="generate"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latentDim"/> is not positive or <paramref name="samplesPerClass"/> is below 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="generate"/> returned null or images of the wrong shape for a batch, or the images fail <see cref="EvaluateConditional(Tensor, Tensor)"/>'s checks.</exception>
    public MnistConditionalReport EvaluateConditional(Func<Tensor, Tensor, Tensor> generate, long latentDim, int samplesPerClass = DefaultSamplesPerClass)
    {
        ArgumentNullException.ThrowIfNull(generate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentDim);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerClass, 2);
        long count = checked((long)samplesPerClass * digitStatistics.Length);
        using var labels = torch.arange(count, dtype: ScalarType.Int64).remainder_(digitStatistics.Length);
        using var images = SampleConditional(generate, latentDim, labels);
        return EvaluateConditional(images, labels);
    }

    /// <summary>
    /// Asks a class-conditional generator for <paramref name="samplesPerClass"/> images of every
    /// digit, in evaluation mode on its own device (its training mode is restored afterwards), and
    /// evaluates them as <see cref="EvaluateConditional(Func{Tensor, Tensor, Tensor}, long, int)"/> does.
    /// </summary>
    /// <param name="generator">A generator conditioned on the 10 digits, making <c>[1, 28, 28]</c> images in [-1, 1].</param>
    /// <param name="samplesPerClass">Images drawn per digit, at least 2; 1,000 by default.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samplesPerClass"/> is below 2.</exception>
    /// <exception cref="ArgumentException">The generator is not conditioned on 10 classes, or its output shape is not the extractor's image shape.</exception>
    public MnistConditionalReport EvaluateConditional(GeneratorNetwork generator, int samplesPerClass = DefaultSamplesPerClass)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (generator.ClassCount != digitStatistics.Length)
        {
            throw new ArgumentException($"Per-digit evaluation needs a generator conditioned on the {digitStatistics.Length} digits; this one is {(generator.ClassCount is { } c ? $"conditioned on {c} classes" : "unconditional (evaluate it with Evaluate(generator))")}.", nameof(generator));
        }

        if (!generator.OutputShape.SequenceEqual(extractor.ImageShape))
        {
            throw new ArgumentException($"The generator makes images of shape [{string.Join(", ", generator.OutputShape)}]; extractor '{extractor.Name}' needs [{string.Join(", ", extractor.ImageShape)}].", nameof(generator));
        }

        var device = generator.Device;
        bool wasTraining = generator.training;
        generator.eval();
        try
        {
            return EvaluateConditional((noise, labels) => generator.forward(noise.to(device), labels.to(device)), generator.LatentDim, samplesPerClass);
        }
        finally
        {
            generator.train(wasTraining);
        }
    }

    private Tensor SampleConditional(Func<Tensor, Tensor, Tensor> generate, long latentDim, Tensor labels)
    {
        using var noGrad = torch.no_grad();
        long count = labels.shape[0];

        // Latents come from a private CPU generator so the samples depend on the seed only, not on
        // the device or on whatever else drew from the global random stream.
        using var random = new torch.Generator((ulong)options.Seed);
        using var latent = torch.randn(count, latentDim, generator: random);
        var expected = extractor.ImageShape;
        var batches = new List<Tensor>();
        try
        {
            for (long start = 0; start < count; start += options.BatchSize)
            {
                using var scope = torch.NewDisposeScope();
                long size = Math.Min(options.BatchSize, count - start);
                var output = generate(latent.narrow(0, start, size), labels.narrow(0, start, size))
                    ?? throw new ArgumentException($"The generate delegate returned null for the batch of {size} images starting at sample {start}.", nameof(generate));
                if (output.dim() != expected.Length + 1 || output.shape[0] != size || !output.shape.AsSpan(1).SequenceEqual(expected))
                {
                    throw new ArgumentException($"The generate delegate returned shape [{string.Join(", ", output.shape)}] for a batch of {size}; extractor '{extractor.Name}' needs [{size}, {string.Join(", ", expected)}].", nameof(generate));
                }

                batches.Add(output.to(ScalarType.Float32, torch.CPU).MoveToOuterDisposeScope());
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

    /// <summary>Checks the requested labels against the images and the classes; returns them as int64 on the CPU.</summary>
    private Tensor RequireRequestedLabels(Tensor images, Tensor requestedLabels)
    {
        if (requestedLabels.dim() != 1)
        {
            throw new ArgumentException($"Requested labels must be 1-D [N], one digit per image; got shape [{string.Join(", ", requestedLabels.shape)}].", nameof(requestedLabels));
        }

        if (requestedLabels.is_floating_point() || requestedLabels.is_complex() || requestedLabels.dtype == ScalarType.Bool)
        {
            throw new ArgumentException($"Requested labels must be integers (int64, as conditional generators take them); got {requestedLabels.dtype}.", nameof(requestedLabels));
        }

        if (images.dim() == 0 || images.shape[0] != requestedLabels.shape[0])
        {
            throw new ArgumentException($"Expected one requested label per image; got images of shape [{string.Join(", ", images.shape)}] and {requestedLabels.shape[0]} labels.", nameof(requestedLabels));
        }

        int classes = digitStatistics.Length;
        var labels = requestedLabels.to(ScalarType.Int64, torch.CPU);
        try
        {
            using (var scope = torch.NewDisposeScope())
            {
                var outside = labels.lt(0).logical_or_(labels.ge(classes)).nonzero();
                if (outside.shape[0] > 0)
                {
                    long index = outside[0, 0].item<long>();
                    long value = labels[index].item<long>();
                    string more = outside.shape[0] > 1 ? $" ({outside.shape[0] - 1} more labels are out of range)" : string.Empty;
                    throw new ArgumentOutOfRangeException(nameof(requestedLabels), $"Requested labels must be digits in [0, {classes}); requestedLabels[{index}] is {value}{more}.");
                }
            }

            using var bins = torch.bincount(labels, minlength: classes);
            var counts = bins.data<long>().ToArray();
            var tooFew = Enumerable.Range(0, classes).Where(d => counts[d] < 2).Select(d => $"digit {d} ({Images(counts[d])})").ToList();
            if (tooFew.Count > 0)
            {
                throw new ArgumentException($"Per-class FID needs at least 2 images asked for each digit; too few for {string.Join(", ", tooFew)}.", nameof(requestedLabels));
            }

            var missingReference = Enumerable.Range(0, classes).Where(d => digitStatistics[d] is null).Select(d => $"digit {d} ({Images(digitReferenceCounts[d])})").ToList();
            if (missingReference.Count > 0)
            {
                throw new InvalidOperationException($"The evaluator's reference holds fewer than 2 images of {string.Join(", ", missingReference)}, so there is no per-class FID against it; build the evaluator on reference images with at least 2 of every class.");
            }

            return labels;
        }
        catch
        {
            labels.Dispose();
            throw;
        }
    }

    private static string Images(long count) => count == 1 ? "1 image" : $"{count} images";
}
