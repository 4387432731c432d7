using System.Globalization;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Compares generated images with real ones in any feature space: FID, KID, k-NN precision and
/// recall, density and coverage, and a per-class table when the extractor knows classes. With a
/// <see cref="ClassifierFeatureExtractor"/> this is the MNIST evaluation for any labelled dataset;
/// with a <see cref="RandomConvFeatureExtractor"/> it works on unlabelled ones.
/// </summary>
public static class ImageSetEvaluator
{
    /// <summary>Extracts features of both sets and computes every metric.</summary>
    /// <param name="extractor">The feature space.</param>
    /// <param name="real">Real images <c>[N, ..extractor.ImageShape]</c>, N &gt; 5.</param>
    /// <param name="generated">Generated images of the same shape, more than 5.</param>
    /// <param name="kidSubsets">KID's subset count.</param>
    /// <param name="seed">Seed of KID's subsets.</param>
    /// <returns>The report, naming the extractor and its weights' hash.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A set has the wrong shape or too few images.</exception>
    public static ImageSetEvaluation Evaluate(IFeatureExtractor extractor, Tensor real, Tensor generated, int kidSubsets = KernelInceptionDistance.DefaultSubsets, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(generated);
        using var r = extractor.Extract(real);
        using var g = extractor.Extract(generated);
        double fid = FrechetDistance.Compute(r.Features, g.Features);
        var kid = KernelInceptionDistance.Compute(r.Features, g.Features, kidSubsets, seed: seed);
        var precisionRecall = PrecisionRecall.Compute(r.Features, g.Features);
        var densityCoverage = DensityCoverage.Compute(r.Features, g.Features);
        return new ImageSetEvaluation(extractor.Name, extractor.WeightsSha256, fid, kid, precisionRecall, densityCoverage, PerClass(extractor, r.Probabilities, g.Probabilities));
    }

    private static IReadOnlyList<ClassShare> PerClass(IFeatureExtractor extractor, Tensor real, Tensor generated)
    {
        if (extractor.ClassCount < 2)
        {
            return Array.Empty<ClassShare>();
        }

        var realShares = ClassHistogram.FromProbabilities(real).Shares;
        var generatedShares = ClassHistogram.FromProbabilities(generated).Shares;
        IReadOnlyList<string> names = extractor is ClassifierFeatureExtractor classifier
            ? classifier.ClassNames
            : Enumerable.Range(0, (int)extractor.ClassCount).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return names.Select((name, c) => new ClassShare(name, realShares[c], generatedShares[c])).ToArray();
    }
}
