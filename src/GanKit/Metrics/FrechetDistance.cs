using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// The Fréchet distance between Gaussians fitted to two sets of features (FID when the features come
/// from Inception-v3; GanKit computes it on any <see cref="IFeatureExtractor"/>):
/// <c>|m1 - m2|² + tr(S1) + tr(S2) - 2 tr((S1^½ S2 S1^½)^½)</c>.
/// </summary>
/// <remarks>
/// The cross term uses the symmetric form: <c>S1^½</c> comes from an eigendecomposition of the
/// symmetric <c>S1</c>, and <c>S1^½ S2 S1^½</c> is symmetric positive semi-definite, so its trace
/// square root is the sum of the square roots of its eigenvalues (negative round-off clamped to 0).
/// This is mathematically equal to <c>tr(sqrtm(S1 S2))</c> but never takes the square root of the
/// non-symmetric product, whose iterative <c>sqrtm</c> can return complex parts and large errors.
/// Everything runs in float64.
/// </remarks>
public static class FrechetDistance
{
    /// <summary>Computes the Fréchet distance between two feature sets.</summary>
    /// <param name="features1">First set <c>[N1, D]</c>, N1 &gt;= 2.</param>
    /// <param name="features2">Second set <c>[N2, D]</c>, N2 &gt;= 2.</param>
    /// <param name="logger">Receives a warning when a set has fewer samples than dimensions.</param>
    /// <returns>The distance, non-negative up to round-off.</returns>
    /// <exception cref="ArgumentNullException">A feature set is null.</exception>
    /// <exception cref="ArgumentException">A set is not a 2-D floating matrix, has fewer than 2 rows, holds NaN or infinity, or the dimensions differ.</exception>
    public static double Compute(Tensor features1, Tensor features2, ILogger? logger = null)
    {
        FeatureValidation.RequireMatrix(features1, nameof(features1), minimumRows: 2);
        FeatureValidation.RequireMatrix(features2, nameof(features2), minimumRows: 2);
        FeatureValidation.RequireSameWidth(features1, features2, nameof(features2));
        using var first = GaussianStatistics.FromFeatures(features1);
        using var second = GaussianStatistics.FromFeatures(features2);
        return Compute(first, second, logger);
    }

    /// <summary>Computes the Fréchet distance between two Gaussians given by their statistics.</summary>
    /// <param name="first">Mean and covariance of the first set.</param>
    /// <param name="second">Mean and covariance of the second set.</param>
    /// <param name="logger">Receives a warning when a set has fewer samples than dimensions.</param>
    /// <returns>The distance, non-negative up to round-off.</returns>
    /// <exception cref="ArgumentNullException">A set of statistics is null.</exception>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    public static double Compute(GaussianStatistics first, GaussianStatistics second, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Dimension != second.Dimension)
        {
            throw new ArgumentException($"Both sets need the same feature dimension; got {first.Dimension} and {second.Dimension}.", nameof(second));
        }

        logger ??= NullLogger.Instance;
        foreach (var count in new[] { first.Count, second.Count })
        {
            if (count < first.Dimension)
            {
                MetricsLog.FewerSamplesThanDimensions(logger, count, first.Dimension);
            }
        }

        using var scope = torch.NewDisposeScope();
        var meanTerm = (first.Mean - second.Mean).square().sum().item<double>();
        var traceTerm = first.Covariance.trace().item<double>() + second.Covariance.trace().item<double>();
        return meanTerm + traceTerm - 2.0 * TraceOfSquareRootProduct(first.Covariance, second.Covariance);
    }

    /// <summary>
    /// <c>tr((S1^½ S2 S1^½)^½)</c>, equal to <c>tr(sqrtm(S1 S2))</c> because the two matrices are similar.
    /// </summary>
    internal static double TraceOfSquareRootProduct(Tensor covariance1, Tensor covariance2)
    {
        using var scope = torch.NewDisposeScope();
        var sqrt1 = SymmetricSquareRoot(covariance1);
        var product = sqrt1.matmul(covariance2).matmul(sqrt1);

        // Round-off makes the product slightly non-symmetric; eigh reads one triangle only, so
        // symmetrise explicitly to use both.
        product = (product + product.t()) * 0.5;
        var (eigenvalues, _) = torch.linalg.eigh(product);
        return eigenvalues.clamp_min(0.0).sqrt().sum().item<double>();
    }

    private static Tensor SymmetricSquareRoot(Tensor symmetric)
    {
        var (eigenvalues, eigenvectors) = torch.linalg.eigh(symmetric);
        var roots = eigenvalues.clamp_min(0.0).sqrt();
        return (eigenvectors * roots.unsqueeze(0)).matmul(eigenvectors.t());
    }
}
