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
        using var realRadii = ManifoldRadii(real, k);
        return Compute(real, realRadii, generated, k);
    }

    /// <summary>
    /// Computes precision and recall against a real set whose manifold radii were computed once with
    /// <see cref="ManifoldRadii"/>, which saves the largest distance computation when many generated
    /// sets are compared with one reference.
    /// </summary>
    /// <param name="real">Real features <c>[N1, D]</c>, N1 &gt; k.</param>
    /// <param name="realRadii">The result of <see cref="ManifoldRadii"/> for <paramref name="real"/> and the same <paramref name="k"/>.</param>
    /// <param name="generated">Generated features <c>[N2, D]</c>, N2 &gt; k.</param>
    /// <param name="k">Neighbour count that sets each ball's radius.</param>
    /// <returns>Precision and recall in [0, 1].</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A set is not a 2-D floating matrix, has k or fewer rows, holds NaN or infinity, the dimensions differ, or the radii do not match the real set.</exception>
    public static PrecisionRecallResult Compute(Tensor real, Tensor realRadii, Tensor generated, int k = DefaultK)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentNullException.ThrowIfNull(realRadii);
        FeatureValidation.RequireMatrix(real, nameof(real), minimumRows: k + 1);
        FeatureValidation.RequireMatrix(generated, nameof(generated), minimumRows: k + 1);
        FeatureValidation.RequireSameWidth(real, generated, nameof(generated));
        if (realRadii.dim() != 1 || realRadii.shape[0] != real.shape[0])
        {
            throw new ArgumentException($"Expected one radius per real sample ([{real.shape[0]}]); got shape [{string.Join(", ", realRadii.shape)}].", nameof(realRadii));
        }

        using var scope = torch.NewDisposeScope();
        var r = FeatureValidation.ToFloat64Cpu(real);
        var g = FeatureValidation.ToFloat64Cpu(generated);
        var realSquaredRadii = realRadii.to(ScalarType.Float64, torch.CPU).square().unsqueeze(0);
        var generatedSquaredRadii = KthNeighbourSquaredDistances(g, k);

        // One pass over generated-versus-real distances serves both directions: a generated row is
        // inside the real manifold if any real ball holds it (precision), and a real row is inside
        // the generated manifold if any generated ball holds it (recall, OR-ed across blocks).
        long n = g.shape[0];
        long precise = 0;
        var recalled = torch.zeros(r.shape[0], dtype: ScalarType.Bool);
        for (long start = 0; start < n; start += BlockRows)
        {
            using var inner = torch.NewDisposeScope();
            long length = Math.Min(BlockRows, n - start);
            var distances = SquaredDistances(g.narrow(0, start, length), r);
            precise += distances.le(realSquaredRadii).any(1).sum().item<long>();
            recalled.logical_or_(distances.le(generatedSquaredRadii.narrow(0, start, length).unsqueeze(1)).any(0));
        }

        double recall = recalled.sum().item<long>() / (double)r.shape[0];
        return new PrecisionRecallResult((double)precise / n, recall, k, r.shape[0], n);
    }

    /// <summary>
    /// The radius of each sample's manifold ball: the Euclidean distance to its k-th nearest other
    /// sample of the same set.
    /// </summary>
    /// <param name="features">Features <c>[N, D]</c>, N &gt; k.</param>
    /// <param name="k">Neighbour count.</param>
    /// <returns>Float64 radii <c>[N]</c> on the CPU; the caller disposes them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The features are not a 2-D floating matrix with more than k rows, or hold NaN or infinity.</exception>
    public static Tensor ManifoldRadii(Tensor features, int k = DefaultK)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        FeatureValidation.RequireMatrix(features, nameof(features), minimumRows: k + 1);
        using var scope = torch.NewDisposeScope();
        var x = FeatureValidation.ToFloat64Cpu(features);
        return KthNeighbourSquaredDistances(x, k).sqrt().MoveToOuterDisposeScope();
    }

    /// <summary>Squared distances between every row of <paramref name="a"/> and every row of <paramref name="b"/>.</summary>
    internal static Tensor SquaredDistances(Tensor a, Tensor b)
    {
        var aa = a.square().sum(1, keepdim: true);
        var bb = b.square().sum(1).unsqueeze(0);

        // The expanded form can dip below zero by round-off for (near-)identical rows.
        return (aa + bb - 2.0 * a.matmul(b.t())).clamp_min(0.0);
    }

    /// <summary>
    /// Squared distance from each row to its k-th nearest other row of the same set: the (k+1)-th
    /// smallest, because the smallest is the row itself.
    /// </summary>
    private static Tensor KthNeighbourSquaredDistances(Tensor set, int k)
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
}
