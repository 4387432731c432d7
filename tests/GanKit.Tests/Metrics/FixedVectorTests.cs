using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

/// <summary>
/// Regression guard: two tiny feature sets and the Fréchet distance and KID they must give.
/// </summary>
/// <remarks>
/// The expected values were computed independently of GanKit by fixed_vector.py (next to this file):
/// pure Python with exact rational arithmetic and no linear-algebra library. For 2×2 matrices it uses
/// the closed form tr sqrt(S1 S2) = sqrt(tr(S1 S2) + 2 sqrt(det S1 · det S2)) (true because S1 S2 is
/// similar to the PSD matrix S1^½ S2 S1^½, whose two eigenvalues λ1, λ2 give
/// (√λ1 + √λ2)² = λ1 + λ2 + 2√(λ1 λ2)), so no eigendecomposition is involved; the KID is the
/// unbiased MMD² summed term by term with explicit loops as an exact fraction.
/// By hand: μX = (3/2, 3/2), μY = (3, 2), SX = [[5/3, 2/3], [2/3, 5/3]], SY = diag(5/2, 4),
/// so the mean term is 9/4 + 1/4 = 5/2, the traces sum to 10/3 + 13/2, tr(SX SY) = 25/6 + 20/3 = 65/6,
/// det SX · det SY = 7/3 · 10 = 70/3, and FD = 5/2 + 59/6 - 2 sqrt(65/6 + 2 sqrt(70/3)).
/// The covariances do not commute, so the test exercises the full cross term.
/// </remarks>
public sealed class FixedVectorTests
{
    private static readonly double[,] X = { { 0, 0 }, { 2, 1 }, { 1, 3 }, { 3, 2 } };
    private static readonly double[,] Y = { { 1, 1 }, { 4, 1 }, { 2, 5 }, { 5, 3 }, { 3, 0 } };

    private const double ExpectedFrechetDistance = 3.279217989661972221843585879912141839850;

    // 6527/24, exact: every kernel value is a rational number.
    private const double ExpectedKid = 6527.0 / 24.0;

    [Fact]
    public void Frechet_distance_matches_the_independent_reference()
    {
        using var x = torch.tensor(X, dtype: ScalarType.Float64);
        using var y = torch.tensor(Y, dtype: ScalarType.Float64);

        double handForm = 5.0 / 2 + 59.0 / 6 - 2 * Math.Sqrt(65.0 / 6 + 2 * Math.Sqrt(70.0 / 3));
        handForm.Should().BeApproximately(ExpectedFrechetDistance, 1e-13);
        FrechetDistance.Compute(x, y).Should().BeApproximately(ExpectedFrechetDistance, 1e-12);
        FrechetDistance.Compute(y, x).Should().BeApproximately(ExpectedFrechetDistance, 1e-12);
    }

    [Fact]
    public void KID_matches_the_independent_reference()
    {
        // One subset holding all four rows of each set makes every draw the same set in another
        // order, and the estimator does not depend on order, so the value is exact and the std is 0.
        using var x = torch.tensor(X, dtype: ScalarType.Float64);
        using var y = torch.tensor(Y, dtype: ScalarType.Float64).narrow(0, 0, 4);

        var kid = KernelInceptionDistance.Compute(x, y, subsets: 5, subsetSize: 4, seed: 123);

        kid.Mean.Should().BeApproximately(ExpectedKid, 1e-10);
        kid.Std.Should().BeApproximately(0.0, 1e-10);
        kid.Repeats.Should().Be(5);
        kid.SamplesPerRepeat.Should().Be(4);
    }
}
