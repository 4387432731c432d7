using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class PrecisionRecallTests
{
    [Fact]
    public void Identical_sets_have_precision_and_recall_one()
    {
        using var x = MetricTestData.Normal(1500, 8, seed: 50);
        using var copy = x.clone();

        var result = PrecisionRecall.Compute(x, copy);

        result.Precision.Should().Be(1.0);
        result.Recall.Should().Be(1.0);
        result.K.Should().Be(3);
        result.RealCount.Should().Be(1500);
    }

    [Fact]
    public void Disjoint_clusters_have_precision_and_recall_near_zero()
    {
        using var real = MetricTestData.Normal(800, 8, seed: 51);
        using var generated = MetricTestData.Normal(600, 8, seed: 52, shift: 20.0);

        var result = PrecisionRecall.Compute(real, generated);

        result.Precision.Should().BeLessThan(0.01);
        result.Recall.Should().BeLessThan(0.01);
        result.GeneratedCount.Should().Be(600);
    }

    [Fact]
    public void Mode_collapse_keeps_precision_and_loses_recall()
    {
        // Real data has two well separated modes; the generator reproduces only the first.
        using var modeA = MetricTestData.Normal(500, 4, seed: 53);
        using var modeB = MetricTestData.Normal(500, 4, seed: 54, shift: 30.0);
        using var real = torch.cat([modeA, modeB], 0);
        using var generated = MetricTestData.Normal(500, 4, seed: 55);

        var result = PrecisionRecall.Compute(real, generated);

        result.Precision.Should().BeGreaterThan(0.9);
        result.Recall.Should().BeInRange(0.4, 0.55);
    }

    [Fact]
    public void Rejects_sets_with_no_more_rows_than_k()
    {
        using var few = MetricTestData.Normal(3, 4, seed: 56);
        using var many = MetricTestData.Normal(30, 4, seed: 57);

        FluentActions.Invoking(() => PrecisionRecall.Compute(many, few))
            .Should().Throw<ArgumentException>().WithParameterName("generated").WithMessage("*at least 4 rows; got 3*");
        FluentActions.Invoking(() => PrecisionRecall.Compute(many, many, k: 0))
            .Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Manifold_radii_are_the_distance_to_the_kth_nearest_other_sample()
    {
        // Points 0, 1, 3, 6, 10 on a line: nearest others are 1, 1, 2, 3, 4 away; second nearest 3, 2, 3, 4, 7.
        using var points = torch.tensor(new double[] { 0, 1, 3, 6, 10 }).unsqueeze(1);

        using var first = PrecisionRecall.ManifoldRadii(points, k: 1);
        using var second = PrecisionRecall.ManifoldRadii(points, k: 2);

        first.data<double>().ToArray().Should().Equal(1, 1, 2, 3, 4);
        second.data<double>().ToArray().Should().Equal(3, 2, 3, 4, 7);
    }

    [Fact]
    public void Precomputed_radii_give_the_same_result()
    {
        using var real = MetricTestData.Normal(700, 6, seed: 58);
        using var generated = MetricTestData.Normal(500, 6, seed: 59, shift: 0.5);
        using var radii = PrecisionRecall.ManifoldRadii(real, k: 5);
        using var wrongRadii = radii.narrow(0, 0, 10);

        var direct = PrecisionRecall.Compute(real, generated, k: 5);
        var cached = PrecisionRecall.Compute(real, radii, generated, k: 5);

        cached.Should().Be(direct);
        direct.Precision.Should().BeInRange(0.05, 0.95, "a half-sigma shift leaves the manifolds partly overlapping");
        FluentActions.Invoking(() => PrecisionRecall.Compute(real, wrongRadii, generated, k: 5))
            .Should().Throw<ArgumentException>().WithParameterName("realRadii");
    }

    [Fact]
    public void Matches_a_hand_worked_one_dimensional_case()
    {
        // k = 1. Real 1, 4.5, 18.5, 30 have radii 3.5, 3.5, 11.5, 11.5; generated -40, 0, 2, 10 have
        // radii 40, 2, 2, 8. Generated -40 lies in no real ball, the rest do: precision 3/4.
        // Real 1 is within 2 of 0 and 4.5 within 8 of 10; 18.5 is 8.5 from 10 and 58.5 from -40,
        // and 30 is farther still: recall 2/4.
        using var real = torch.tensor(new double[] { 1, 4.5, 18.5, 30 }).unsqueeze(1);
        using var generated = torch.tensor(new double[] { -40, 0, 2, 10 }).unsqueeze(1);

        var result = PrecisionRecall.Compute(real, generated, k: 1);

        result.Precision.Should().Be(0.75);
        result.Recall.Should().Be(0.5);
    }
}
