using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// The kernel distance (KID when the features come from Inception-v3): the unbiased estimate of the
/// squared maximum mean discrepancy with the cubic polynomial kernel <c>k(x, y) = (x·y / D + 1)³</c>,
/// averaged over random subsets.
/// </summary>
/// <remarks>
/// Unlike the Fréchet distance, the estimator is unbiased, so it is comparable across sample counts
/// and can be slightly negative when the two sets come from one distribution.
/// </remarks>
public static class KernelInceptionDistance
{
    /// <summary>The default number of subsets.</summary>
    /// <value>100, as in the reference implementation.</value>
    public const int DefaultSubsets = 100;

    /// <summary>The default number of samples drawn from each set per subset.</summary>
    /// <value>1000, as in the reference implementation; smaller sets use their full size.</value>
    public const int DefaultSubsetSize = 1000;

    /// <summary>Estimates the kernel distance between two feature sets.</summary>
    /// <param name="features1">First set <c>[N1, D]</c>, N1 &gt;= 2.</param>
    /// <param name="features2">Second set <c>[N2, D]</c>, N2 &gt;= 2.</param>
    /// <param name="subsets">Number of random subsets; the estimate is their mean.</param>
    /// <param name="subsetSize">Samples drawn without replacement from each set per subset; capped at <c>min(N1, N2)</c>.</param>
    /// <param name="seed">Seed of the subset draws, so a report can be repeated exactly.</param>
    /// <returns>Mean and standard deviation over the subsets.</returns>
    /// <exception cref="ArgumentNullException">A feature set is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="subsets"/> is not positive or <paramref name="subsetSize"/> is below 2.</exception>
    /// <exception cref="ArgumentException">A set is not a 2-D floating matrix, has fewer than 2 rows, holds NaN or infinity, or the dimensions differ.</exception>
    public static MetricEstimate Compute(Tensor features1, Tensor features2, int subsets = DefaultSubsets, int subsetSize = DefaultSubsetSize, long seed = 0)
    {
        FeatureValidation.RequireMatrix(features1, nameof(features1), minimumRows: 2);
        FeatureValidation.RequireMatrix(features2, nameof(features2), minimumRows: 2);
        FeatureValidation.RequireSameWidth(features1, features2, nameof(features2));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subsets);
        ArgumentOutOfRangeException.ThrowIfLessThan(subsetSize, 2);

        using var scope = torch.NewDisposeScope();
        var x = FeatureValidation.ToFloat64Cpu(features1);
        var y = FeatureValidation.ToFloat64Cpu(features2);
        long m = Math.Min(subsetSize, Math.Min(x.shape[0], y.shape[0]));
        using var generator = new torch.Generator((ulong)seed);
        var values = new double[subsets];
        for (int s = 0; s < subsets; s++)
        {
            using var inner = torch.NewDisposeScope();
            var xs = x.index_select(0, torch.randperm(x.shape[0], generator: generator).narrow(0, 0, m));
            var ys = y.index_select(0, torch.randperm(y.shape[0], generator: generator).narrow(0, 0, m));
            values[s] = UnbiasedMmdSquared(xs, ys);
        }

        return MetricEstimate.FromValues(values, m);
    }

    /// <summary>Unbiased MMD² of two equally sized sets: the within-set means leave out the diagonal.</summary>
    internal static double UnbiasedMmdSquared(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        long m = x.shape[0];
        double d = x.shape[1];
        var kxx = (x.matmul(x.t()) / d + 1.0).pow(3);
        var kyy = (y.matmul(y.t()) / d + 1.0).pow(3);
        var kxy = (x.matmul(y.t()) / d + 1.0).pow(3);
        double withinX = (kxx.sum() - kxx.diagonal().sum()).item<double>() / (m * (m - 1.0));
        double withinY = (kyy.sum() - kyy.diagonal().sum()).item<double>() / (m * (m - 1.0));
        double across = kxy.mean().item<double>();
        return withinX + withinY - 2.0 * across;
    }
}
