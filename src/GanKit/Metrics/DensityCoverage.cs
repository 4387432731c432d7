using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Density and coverage (Naeem, Oh, Uh, Choi and Yoo, "Reliable Fidelity and Diversity Metrics for
/// Generative Models", ICML 2020): fidelity and diversity measured with balls around the real
/// samples only, so a few real outliers, whose k-NN balls are huge, cannot make noise look realistic
/// the way they can inflate k-NN precision.
/// </summary>
/// <remarks>
/// With real samples <c>X</c> (N of them), generated <c>Y</c> (M) and <c>B(x)</c> the closed ball
/// around <c>x</c> reaching its k-th nearest other real sample:
/// density = <c>(1 / kM) Σ_j Σ_i 1[Y_j ∈ B(X_i)]</c>; coverage = <c>(1 / N) Σ_i 1[∃ j: Y_j ∈ B(X_i)]</c>.
/// Balls are those of <see cref="PrecisionRecall.ManifoldRadii"/>; distances are Euclidean, in float64, in row blocks.
/// </remarks>
public static class DensityCoverage
{
    /// <summary>The default neighbour count: 5, the authors' choice.</summary>
    public const int DefaultK = 5;

    private const long BlockRows = 1024;

    /// <summary>Computes density and coverage of <paramref name="generated"/> against <paramref name="real"/>.</summary>
    /// <param name="real">Real features <c>[N, D]</c>, N &gt; k.</param>
    /// <param name="generated">Generated features <c>[M, D]</c>, M &gt; 0.</param>
    /// <param name="k">Neighbour count that sets each real ball's radius.</param>
    /// <returns>Density (0 or more) and coverage (in [0, 1]).</returns>
    /// <exception cref="ArgumentNullException">A feature set is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A set is not a 2-D floating matrix, is too small, holds NaN or infinity, or the dimensions differ.</exception>
    public static DensityCoverageResult Compute(Tensor real, Tensor generated, int k = DefaultK)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        FeatureValidation.RequireMatrix(real, nameof(real), minimumRows: k + 1);
        FeatureValidation.RequireMatrix(generated, nameof(generated), minimumRows: 1);
        FeatureValidation.RequireSameWidth(real, generated, nameof(generated));

        using var scope = torch.NewDisposeScope();
        var r = FeatureValidation.ToFloat64Cpu(real);
        var g = FeatureValidation.ToFloat64Cpu(generated);
        var squaredRadii = PrecisionRecall.ManifoldRadii(r, k).square().unsqueeze(0);

        long m = g.shape[0];
        long inside = 0;
        var covered = torch.zeros(r.shape[0], dtype: ScalarType.Bool);
        for (long start = 0; start < m; start += BlockRows)
        {
            using var inner = torch.NewDisposeScope();
            var holds = PrecisionRecall.SquaredDistances(g.narrow(0, start, Math.Min(BlockRows, m - start)), r).le(squaredRadii);
            inside += holds.sum().item<long>();
            covered.logical_or_(holds.any(0));
        }

        double coverage = covered.sum().item<long>() / (double)r.shape[0];
        return new DensityCoverageResult(inside / ((double)k * m), coverage, k, r.shape[0], m);
    }
}
