using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// The mean and covariance of a set of feature vectors: all the Fréchet distance needs, so the
/// statistics of a fixed reference set can be computed once and reused.
/// </summary>
public sealed class GaussianStatistics : IDisposable
{
    private GaussianStatistics(Tensor mean, Tensor covariance, long count)
    {
        Mean = mean;
        Covariance = covariance;
        Count = count;
    }

    /// <summary>Gets the mean, float64 <c>[D]</c> on the CPU.</summary>
    public Tensor Mean { get; }

    /// <summary>Gets the unbiased (divided by N - 1) covariance, float64 <c>[D, D]</c> on the CPU.</summary>
    public Tensor Covariance { get; }

    /// <summary>Gets the number of samples the statistics come from.</summary>
    public long Count { get; }

    /// <summary>Gets the feature dimension D.</summary>
    public long Dimension => Mean.shape[0];

    /// <summary>Computes the mean and unbiased covariance of feature rows in float64.</summary>
    /// <param name="features">Features <c>[N, D]</c>, N &gt;= 2, any floating type and device.</param>
    /// <returns>New statistics the caller disposes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">The features are not a 2-D floating matrix, have fewer than 2 rows, or hold NaN or infinity.</exception>
    public static GaussianStatistics FromFeatures(Tensor features)
    {
        FeatureValidation.RequireMatrix(features, nameof(features), minimumRows: 2);
        using var scope = torch.NewDisposeScope();
        var x = FeatureValidation.ToFloat64Cpu(features);
        long n = x.shape[0];
        var mean = x.mean([0L]);
        var centred = x - mean;

        // Centring first and dividing by N - 1 matches numpy.cov, which reference FID code uses.
        var covariance = centred.t().matmul(centred) / (n - 1);
        return new GaussianStatistics(mean.MoveToOuterDisposeScope(), covariance.MoveToOuterDisposeScope(), n);
    }

    /// <summary>Releases the tensors.</summary>
    public void Dispose()
    {
        Mean.Dispose();
        Covariance.Dispose();
    }
}
