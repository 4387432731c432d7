using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// The Inception Score computed with any classifier: <c>exp(E_x KL(p(y|x) ‖ p(y)))</c>, between 1
/// (every sample gets the same prediction) and K (confident predictions spread evenly over K classes).
/// </summary>
public static class ClassifierScore
{
    /// <summary>The default number of splits.</summary>
    /// <value>10, as in the reference implementation.</value>
    public const int DefaultSplits = 10;

    /// <summary>Computes the score on contiguous splits of the predictions.</summary>
    /// <param name="probabilities">Class probabilities <c>[N, K]</c>, rows summing to 1, N &gt;= <paramref name="splits"/>.</param>
    /// <param name="splits">Number of contiguous, near-equal splits; the score is computed per split.</param>
    /// <returns>Mean and standard deviation over the splits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="probabilities"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splits"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The probabilities are not a 2-D matrix with at least <paramref name="splits"/> rows, hold negative, NaN or infinite values, or a row does not sum to 1.</exception>
    public static MetricEstimate Compute(Tensor probabilities, int splits = DefaultSplits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(splits);
        FeatureValidation.RequireMatrix(probabilities, nameof(probabilities), minimumRows: splits);
        using var scope = torch.NewDisposeScope();
        var p = FeatureValidation.ToFloat64Cpu(probabilities);
        if (p.lt(0.0).any().item<bool>() || (p.sum(1) - 1.0).abs().gt(1e-4).any().item<bool>())
        {
            throw new ArgumentException("Each row must be a probability distribution: non-negative and summing to 1 (within 1e-4).", nameof(probabilities));
        }

        long n = p.shape[0];
        var values = new double[splits];
        for (int s = 0; s < splits; s++)
        {
            long start = s * n / splits;
            long end = (s + 1) * n / splits;
            var part = p.narrow(0, start, end - start);
            var marginal = part.mean([0L], keepdim: true);

            // xlogy gives 0·log 0 = 0, so classes a sample never predicts add nothing.
            var klPerSample = (torch.xlogy(part, part) - torch.xlogy(part, marginal.expand_as(part))).sum(1);
            values[s] = Math.Exp(klPerSample.mean().item<double>());
        }

        return MetricEstimate.FromValues(values, n / splits);
    }
}
