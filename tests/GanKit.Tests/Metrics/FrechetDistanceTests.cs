using GanKit.Metrics;
using GanKit.TestSupport;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class FrechetDistanceTests
{
    [Fact]
    public void Identical_sets_are_at_distance_zero()
    {
        using var x = MetricTestData.Correlated(400, 12, seed: 1);
        using var copy = x.clone();

        var distance = FrechetDistance.Compute(x, copy);

        // The trace terms are ~1e2; the symmetric formulation cancels them to round-off.
        distance.Should().BeApproximately(0.0, 1e-9);
    }

    [Fact]
    public void Equals_the_closed_form_for_diagonal_gaussians()
    {
        // For diagonal covariances the cross term is Σ σ1σ2, so FD = |μ1 - μ2|² + Σ (σ1 - σ2)².
        double[] mean1 = [0.0, 1.0, -2.0, 0.5, 3.0];
        double[] mean2 = [1.0, 1.0, 0.0, -0.5, 3.0];
        double[] std1 = [1.0, 2.0, 0.5, 1.5, 3.0];
        double[] std2 = [2.0, 0.5, 0.5, 1.0, 0.1];
        using var x = MetricTestData.WithExactMoments(300, mean1, std1, seed: 2);
        using var y = MetricTestData.WithExactMoments(500, mean2, std2, seed: 3);
        double expected = mean1.Zip(mean2, (a, b) => (a - b) * (a - b)).Sum()
                        + std1.Zip(std2, (a, b) => (a - b) * (a - b)).Sum();

        var distance = FrechetDistance.Compute(x, y);

        expected.Should().BeApproximately(17.91, 1e-12, "by hand: 1 + 0 + 4 + 1 + 0 = 6 from the means and 1 + 2.25 + 0 + 0.25 + 8.41 = 11.91 from the deviations");
        distance.Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Is_unchanged_by_a_common_rotation()
    {
        using var x = MetricTestData.Correlated(300, 10, seed: 4);
        using var y = MetricTestData.Correlated(350, 10, seed: 5, shift: 0.3);
        using var rotation = MetricTestData.RandomRotation(10, seed: 6);
        using var xr = x.matmul(rotation);
        using var yr = y.matmul(rotation);

        var before = FrechetDistance.Compute(x, y);
        var after = FrechetDistance.Compute(xr, yr);

        before.Should().BeGreaterThan(1.0);
        after.Should().BeApproximately(before, 1e-9 * before);
    }

    [Fact]
    public void Is_symmetric()
    {
        // Different, non-commuting covariances: the case where sqrtm(S1 S2) and the symmetric form
        // would differ most if the cross term were computed carelessly.
        using var x = MetricTestData.Correlated(300, 10, seed: 7);
        using var y = MetricTestData.Correlated(250, 10, seed: 8, shift: -0.2);

        var forward = FrechetDistance.Compute(x, y);
        var backward = FrechetDistance.Compute(y, x);

        forward.Should().BeGreaterThan(1.0);
        backward.Should().BeApproximately(forward, 1e-9 * forward);
    }

    [Fact]
    public void Accepts_float32_features_and_computes_in_float64()
    {
        using var x = MetricTestData.Correlated(200, 6, seed: 9);
        using var y = MetricTestData.Correlated(200, 6, seed: 10, shift: 1.0);
        using var x32 = x.to(ScalarType.Float32);
        using var y32 = y.to(ScalarType.Float32);
        using var x32As64 = x32.to(ScalarType.Float64);
        using var y32As64 = y32.to(ScalarType.Float64);

        FrechetDistance.Compute(x32, y32).Should().Be(FrechetDistance.Compute(x32As64, y32As64));
    }

    [Fact]
    public void Statistics_overload_gives_the_same_distance()
    {
        using var x = MetricTestData.Correlated(120, 5, seed: 11);
        using var y = MetricTestData.Correlated(150, 5, seed: 12, shift: 0.5);
        using var sx = GaussianStatistics.FromFeatures(x);
        using var sy = GaussianStatistics.FromFeatures(y);

        sx.Count.Should().Be(120);
        sx.Dimension.Should().Be(5);
        FrechetDistance.Compute(sx, sy).Should().Be(FrechetDistance.Compute(x, y));
    }

    [Fact]
    public void Refuses_fewer_than_two_samples()
    {
        using var one = MetricTestData.Normal(1, 4, seed: 13);
        using var many = MetricTestData.Normal(10, 4, seed: 14);

        var act = () => FrechetDistance.Compute(one, many);

        act.Should().Throw<ArgumentException>().WithParameterName("features1").WithMessage("*at least 2 rows; got 1*");
    }

    [Fact]
    public void Refuses_mismatched_dimensions_and_non_finite_values()
    {
        using var a = MetricTestData.Normal(10, 4, seed: 15);
        using var b = MetricTestData.Normal(10, 5, seed: 16);
        using var c = a.clone();
        c[3, 2] = torch.tensor(double.NaN);

        FluentActions.Invoking(() => FrechetDistance.Compute(a, b)).Should().Throw<ArgumentException>().WithMessage("*same feature dimension; got 4 and 5*");
        FluentActions.Invoking(() => FrechetDistance.Compute(a, c)).Should().Throw<ArgumentException>().WithMessage("*NaN or infinite*");
    }

    [Fact]
    public void Warns_when_a_set_has_fewer_samples_than_dimensions()
    {
        using var small = MetricTestData.Normal(5, 8, seed: 17);
        using var large = MetricTestData.Normal(50, 8, seed: 18);
        var logger = new RecordingLogger();

        var distance = FrechetDistance.Compute(small, large, logger);

        double.IsFinite(distance).Should().BeTrue();
        distance.Should().BeGreaterThanOrEqualTo(0.0, "the clamped eigenvalues keep a singular covariance usable");
        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.EventId == 1401)
            .Which.Message.Should().Contain("5 samples of 8-dimensional");
    }

    [Fact]
    public void Does_not_warn_with_enough_samples()
    {
        using var x = MetricTestData.Normal(50, 8, seed: 19);
        using var y = MetricTestData.Normal(50, 8, seed: 20);
        var logger = new RecordingLogger();

        FrechetDistance.Compute(x, y, logger);

        logger.Entries.Should().BeEmpty();
    }
}
