using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Improved precision and recall (k-nearest-neighbour manifolds): each set's manifold is the union of
/// balls around its samples, each ball reaching the sample's k-th nearest neighbour in the same set.
/// Precision is the share of generated samples inside the real manifold, recall the share of real
/// samples inside the generated one.
/// </summary>
/// <remarks>
/// Distances are Euclidean, computed in float64 in row blocks so memory stays at
/// <c>BlockRows × N</c> values whatever the set sizes.
/// </remarks>
public static class PrecisionRecall
{
    /// <summary>The default neighbour count.</summary>
    /// <value>3, the value the method's authors recommend.</value>
    public const int DefaultK = 3;

    private const long BlockRows = 1024;

    /// <summary>Computes precision and recall of <paramref name="generated"/> against <paramref name="real"/>.</summary>
    /// <param name="real">Real features <c>[N1, D]</c>, N1 &gt; k.</param>
    /// <param name="generated">Generated features <c>[N2, D]</c>, N2 &gt; k.</param>
    /// <param name="k">Neighbour count that sets each ball's radius.</param>
    /// <returns>Precision and recall in [0, 1].</returns>
    /// <exception cref="ArgumentNullException">A feature set is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A set is not a 2-D floating matrix, has k or fewer rows, holds NaN or infinity, or the dimensions differ.</exception>
    public static PrecisionRecallResult Compute(Tensor real, Tensor generated, int k = DefaultK)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        FeatureValidation.RequireMatrix(real, nameof(real), minimumRows: k + 1);
        FeatureValidation.RequireMatrix(generated, nameof(generated), minimumRows: k + 1);
        FeatureValidation.RequireSameWidth(real, generated, nameof(generated));

        using var scope = torch.NewDisposeScope();
        var r = FeatureValidation.ToFloat64Cpu(real);
        var g = FeatureValidation.ToFloat64Cpu(generated);
        var realRadii = KthNeighbourDistances(r, k);
        var generatedRadii = KthNeighbourDistances(g, k);
        double precision = ShareInsideManifold(g, r, realRadii);
        double recall = ShareInsideManifold(r, g, generatedRadii);
        return new PrecisionRecallResult(precision, recall, k, r.shape[0], g.shape[0]);
    }

    /// <summary>Squared distances between every row of <paramref name="a"/> and every row of <paramref name="b"/>.</summary>
    private static Tensor SquaredDistances(Tensor a, Tensor b)
    {
        var aa = a.square().sum(1, keepdim: true);
        var bb = b.square().sum(1).unsqueeze(0);

        // The expanded form can dip below zero by round-off for (near-)identical rows.
        return (aa + bb - 2.0 * a.matmul(b.t())).clamp_min(0.0);
    }

    /// <summary>
    /// Distance from each row to its k-th nearest other row of the same set: the (k+1)-th smallest,
    /// because the smallest is the row itself.
    /// </summary>
    private static Tensor KthNeighbourDistances(Tensor set, int k)
    {
        long n = set.shape[0];
        var radii = new List<Tensor>();
        for (long start = 0; start < n; start += BlockRows)
        {
            using var inner = torch.NewDisposeScope();
            var block = set.narrow(0, start, Math.Min(BlockRows, n - start));
            var (values, _) = SquaredDistances(block, set).topk(k + 1, dim: 1, largest: false, sorted: true);
            radii.Add(values.select(1, k).MoveToOuterDisposeScope());
        }

        return torch.cat(radii, 0);
    }

    /// <summary>Share of <paramref name="queries"/> within the squared radius of at least one of <paramref name="centres"/>.</summary>
    private static double ShareInsideManifold(Tensor queries, Tensor centres, Tensor centreSquaredRadii)
    {
        long n = queries.shape[0];
        long inside = 0;
        var radiiRow = centreSquaredRadii.unsqueeze(0);
        for (long start = 0; start < n; start += BlockRows)
        {
            using var inner = torch.NewDisposeScope();
            var block = queries.narrow(0, start, Math.Min(BlockRows, n - start));
            inside += SquaredDistances(block, centres).le(radiiRow).any(1).sum().item<long>();
        }

        return (double)inside / n;
    }
}
