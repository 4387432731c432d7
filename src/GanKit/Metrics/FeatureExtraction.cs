using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>Runs an <see cref="IFeatureExtractor"/> over a whole set of images.</summary>
public static class FeatureExtraction
{
    /// <summary>The default number of images per forward pass.</summary>
    /// <value>500: large enough to keep the CPU's matrix kernels busy, small enough that activations stay well under 100 MB.</value>
    public const int DefaultBatchSize = 500;

    /// <summary>
    /// Extracts features and class probabilities of <paramref name="images"/> in batches, with autograd off.
    /// </summary>
    /// <param name="extractor">The network.</param>
    /// <param name="images">Images <c>[N, ..extractor.ImageShape]</c>, N &gt; 0, on the extractor's device.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <returns>Float64 features and probabilities on the CPU; the caller disposes them.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The images are empty or their shape does not match the extractor.</exception>
    public static ExtractedFeatures Extract(this IFeatureExtractor extractor, Tensor images, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var expected = extractor.ImageShape;
        if (images.dim() != expected.Length + 1 || !images.shape.AsSpan(1).SequenceEqual(expected))
        {
            throw new ArgumentException($"Extractor '{extractor.Name}' takes images of shape [N, {string.Join(", ", expected)}]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        long count = images.shape[0];
        if (count == 0)
        {
            throw new ArgumentException("There are no images to extract features from (N = 0).", nameof(images));
        }

        var features = new List<Tensor>();
        var probabilities = new List<Tensor>();
        try
        {
            using var noGrad = torch.no_grad();
            for (long start = 0; start < count; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                using var batch = images.narrow(0, start, Math.Min(batchSize, count - start));
                var (f, p) = extractor.ExtractBatch(batch);
                features.Add(f.to(ScalarType.Float64, torch.CPU).MoveToOuterDisposeScope());
                probabilities.Add(p.to(ScalarType.Float64, torch.CPU).MoveToOuterDisposeScope());
            }

            using var allFeatures = torch.cat(features, 0);
            using var allProbabilities = torch.cat(probabilities, 0);
            return new ExtractedFeatures(allFeatures, allProbabilities, extractor.Name, extractor.WeightsSha256);
        }
        finally
        {
            foreach (var t in features)
            {
                t.Dispose();
            }

            foreach (var t in probabilities)
            {
                t.Dispose();
            }
        }
    }
}
