using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class KernelInceptionDistanceTests
{
    [Fact]
    public void Is_near_zero_within_its_std_for_two_samples_of_one_distribution()
    {
        using var x = MetricTestData.Normal(2000, 16, seed: 30);
        using var y = MetricTestData.Normal(2000, 16, seed: 31);

        var kid = KernelInceptionDistance.Compute(x, y, subsets: 50, subsetSize: 500, seed: 1);

        kid.Std.Should().BePositive();
        Math.Abs(kid.Mean).Should().BeLessThanOrEqualTo(kid.Std);
    }

    [Fact]
    public void Is_clearly_positive_for_shifted_distributions()
    {
        using var x = MetricTestData.Normal(2000, 16, seed: 32);
        using var y = MetricTestData.Normal(2000, 16, seed: 33, shift: 0.5);

        var kid = KernelInceptionDistance.Compute(x, y, subsets: 50, subsetSize: 500, seed: 1);

        kid.Mean.Should().BeGreaterThan(10 * kid.Std);
    }

    [Fact]
    public void Grows_with_the_shift()
    {
        using var x = MetricTestData.Normal(600, 8, seed: 34);
        using var near = MetricTestData.Normal(600, 8, seed: 35, shift: 0.3);
        using var far = MetricTestData.Normal(600, 8, seed: 36, shift: 1.0);

        var kidNear = KernelInceptionDistance.Compute(x, near, subsets: 20, subsetSize: 300);
        var kidFar = KernelInceptionDistance.Compute(x, far, subsets: 20, subsetSize: 300);

        kidFar.Mean.Should().BeGreaterThan(kidNear.Mean);
    }

    [Fact]
    public void Same_seed_repeats_and_subset_size_is_capped_at_the_smaller_set()
    {
        using var x = MetricTestData.Normal(300, 4, seed: 37);
        using var y = MetricTestData.Normal(200, 4, seed: 38, shift: 0.2);

        var first = KernelInceptionDistance.Compute(x, y, subsets: 10, seed: 7);
        var second = KernelInceptionDistance.Compute(x, y, subsets: 10, seed: 7);

        second.Should().Be(first);
        first.SamplesPerRepeat.Should().Be(200);
        first.Repeats.Should().Be(10);
    }

    [Fact]
    public void Unbiased_estimate_matches_explicit_loops()
    {
        using var x = MetricTestData.Normal(6, 3, seed: 39);
        using var y = MetricTestData.Normal(6, 3, seed: 40, shift: 0.4);
        var xs = ToArray(x);
        var ys = ToArray(y);
        double K(double[] a, double[] b) => Math.Pow(a.Zip(b, (p, q) => p * q).Sum() / 3.0 + 1.0, 3);
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < 6; i++)
        {
            for (int j = 0; j < 6; j++)
            {
                if (i != j)
                {
                    xx += K(xs[i], xs[j]);
                    yy += K(ys[i], ys[j]);
                }

                xy += K(xs[i], ys[j]);
            }
        }

        double expected = (xx / 30) + (yy / 30) - (2 * xy / 36);

        KernelInceptionDistance.UnbiasedMmdSquared(x, y).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        using var x = MetricTestData.Normal(10, 4, seed: 41);

        FluentActions.Invoking(() => KernelInceptionDistance.Compute(x, x, subsets: 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => KernelInceptionDistance.Compute(x, x, subsetSize: 1)).Should().Throw<ArgumentOutOfRangeException>();
        using var one = MetricTestData.Normal(1, 4, seed: 42);
        FluentActions.Invoking(() => KernelInceptionDistance.Compute(x, one)).Should().Throw<ArgumentException>().WithParameterName("features2");
    }

    private static double[][] ToArray(Tensor t)
    {
        var flat = t.data<double>().ToArray();
        int cols = (int)t.shape[1];
        return Enumerable.Range(0, (int)t.shape[0]).Select(r => flat.Skip(r * cols).Take(cols).ToArray()).ToArray();
    }
}
