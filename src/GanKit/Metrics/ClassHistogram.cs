using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// The class histogram of generated samples, its coverage and its KL divergence from uniform: the
/// numbers that expose mode collapse, which FID mixes with sample quality.
/// </summary>
public static class ClassHistogram
{
    /// <summary>The share a class needs to count as covered.</summary>
    /// <value>0.01 (1% of the samples).</value>
    public const double CoverageThreshold = 0.01;

    /// <summary>Builds the histogram of predicted classes (the argmax of each row).</summary>
    /// <param name="probabilities">Class probabilities <c>[N, K]</c>, N &gt; 0.</param>
    /// <returns>Counts, shares, coverage and KL from uniform over K classes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="probabilities"/> is null.</exception>
    /// <exception cref="ArgumentException">The probabilities are not a non-empty 2-D floating matrix or hold NaN or infinity.</exception>
    public static ClassHistogramResult FromProbabilities(Tensor probabilities)
    {
        FeatureValidation.RequireMatrix(probabilities, nameof(probabilities), minimumRows: 1);
        using var predicted = probabilities.argmax(1);
        return FromLabels(predicted, (int)probabilities.shape[1]);
    }

    /// <summary>Builds the histogram of class labels.</summary>
    /// <param name="labels">Integer labels <c>[N]</c> in <c>[0, classCount)</c>, N &gt; 0.</param>
    /// <param name="classCount">Number of classes K.</param>
    /// <returns>Counts, shares, coverage and KL from uniform over K classes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The labels are not a non-empty 1-D integer tensor, or one lies outside <c>[0, classCount)</c>.</exception>
    public static ClassHistogramResult FromLabels(Tensor labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        if (labels.dim() != 1 || labels.shape[0] == 0 || labels.is_floating_point() || labels.dtype == ScalarType.Bool)
        {
            throw new ArgumentException($"Expected a non-empty 1-D integer tensor of labels; got {labels.dtype} of shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        using var cpu = labels.to(ScalarType.Int64, torch.CPU);
        long min = cpu.min().item<long>();
        long max = cpu.max().item<long>();
        if (min < 0 || max >= classCount)
        {
            throw new ArgumentException($"Labels must lie in [0, {classCount}); found values from {min} to {max}.", nameof(labels));
        }

        using var bins = torch.bincount(cpu, minlength: classCount);
        var counts = bins.data<long>().ToArray();
        return FromCounts(counts);
    }

    /// <summary>Builds the histogram from counts per class.</summary>
    /// <param name="counts">Samples per class; at least one class, non-negative, not all zero.</param>
    /// <returns>Counts, shares, coverage and KL from uniform.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    /// <exception cref="ArgumentException">The counts are empty, negative, or all zero.</exception>
    public static ClassHistogramResult FromCounts(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0 || counts.Any(c => c < 0) || counts.Sum() == 0)
        {
            throw new ArgumentException($"Expected at least one class, non-negative counts and at least one sample; got [{string.Join(", ", counts)}].", nameof(counts));
        }

        long total = counts.Sum();
        int k = counts.Count;
        var shares = counts.Select(c => (double)c / total).ToArray();
        int covered = shares.Count(s => s >= CoverageThreshold);

        // KL(p ‖ 1/K) = Σ p ln(p K); empty classes contribute 0 (p ln p → 0).
        double kl = shares.Where(s => s > 0).Sum(s => s * Math.Log(s * k));
        return new ClassHistogramResult(counts.ToArray(), shares, covered, (double)covered / k, kl);
    }
}
