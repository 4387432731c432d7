using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class PrecisionRecallTests
{
    [Fact]
    public void IdenticalSetsHavePrecisionAndRecallOne()
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
    public void DisjointClustersHavePrecisionAndRecallNearZero()
    {
        using var real = MetricTestData.Normal(800, 8, seed: 51);
        using var generated = MetricTestData.Normal(600, 8, seed: 52, shift: 20.0);

        var result = PrecisionRecall.Compute(real, generated);

        result.Precision.Should().BeLessThan(0.01);
        result.Recall.Should().BeLessThan(0.01);
        result.GeneratedCount.Should().Be(600);
    }

    [Fact]
    public void ModeCollapseKeepsPrecisionAndLosesRecall()
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
    public void RejectsSetsWithNoMoreRowsThanK()
    {
        using var few = MetricTestData.Normal(3, 4, seed: 56);
        using var many = MetricTestData.Normal(30, 4, seed: 57);

        FluentActions.Invoking(() => PrecisionRecall.Compute(many, few))
            .Should().Throw<ArgumentException>().WithParameterName("generated").WithMessage("*at least 4 rows; got 3*");
        FluentActions.Invoking(() => PrecisionRecall.Compute(many, many, k: 0))
            .Should().Throw<ArgumentOutOfRangeException>();
    }
}
