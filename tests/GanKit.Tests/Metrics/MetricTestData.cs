using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

/// <summary>Synthetic feature sets with exactly known statistics.</summary>
internal static class MetricTestData
{
    public static Tensor Normal(long rows, long dims, long seed, double shift = 0.0)
    {
        using var generator = new torch.Generator((ulong)seed);
        return torch.randn(rows, dims, dtype: ScalarType.Float64, generator: generator) + shift;
    }

    /// <summary>
    /// Rows whose sample mean is exactly <paramref name="mean"/> and whose unbiased sample covariance is
    /// exactly diag(<paramref name="std"/>²): random rows are centred and whitened by the inverse
    /// Cholesky factor of their own covariance, then scaled and shifted.
    /// </summary>
    public static Tensor WithExactMoments(long rows, double[] mean, double[] std, long seed)
    {
        using var scope = torch.NewDisposeScope();
        var z = Normal(rows, mean.Length, seed);
        z = z - z.mean([0L]);
        var covariance = z.t().matmul(z) / (rows - 1);
        var lower = torch.linalg.cholesky(covariance);
        var whitened = torch.linalg.solve_triangular(lower, z.t(), upper: false).t();
        var result = whitened * torch.tensor(std, dtype: ScalarType.Float64) + torch.tensor(mean, dtype: ScalarType.Float64);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>A random orthogonal matrix: the Q factor of a Gaussian matrix.</summary>
    public static Tensor RandomRotation(long dims, long seed)
    {
        using var scope = torch.NewDisposeScope();
        var (q, _) = torch.linalg.qr(Normal(dims, dims, seed));
        return q.MoveToOuterDisposeScope();
    }

    /// <summary>Rows with a full (non-diagonal) covariance: Gaussian rows times a random mixing matrix.</summary>
    public static Tensor Correlated(long rows, long dims, long seed, double shift = 0.0)
    {
        using var scope = torch.NewDisposeScope();
        var mixing = Normal(dims, dims, seed + 1000);
        return (Normal(rows, dims, seed).matmul(mixing) + shift).MoveToOuterDisposeScope();
    }
}
