using GanKit.Samples.Dcgan.Reporting;

namespace GanKit.Samples.Tests.Reporting;

public class SampleStatisticsTests
{
    [Fact]
    public void Uses_the_sample_standard_deviation()
    {
        var stats = SampleStatistics.Of([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);

        stats.Mean.Should().Be(5.0);
        // Sum of squares 32 over n - 1 = 7.
        stats.StandardDeviation.Should().BeApproximately(Math.Sqrt(32.0 / 7.0), 1e-12);
        stats.Count.Should().Be(8);
        stats.HasSpread.Should().BeTrue();
    }

    [Fact]
    public void A_single_value_has_no_spread_and_prints_alone()
    {
        var stats = SampleStatistics.Of([3.25]);

        stats.HasSpread.Should().BeFalse();
        double.IsNaN(stats.StandardDeviation).Should().BeTrue();
        stats.ToString("F2").Should().Be("3.25");
    }

    [Fact]
    public void Prints_mean_plus_minus_std()
    {
        SampleStatistics.Of([1.0, 3.0]).ToString("F2").Should().Be("2.00 ± 1.41");
    }

    [Fact]
    public void Rejects_no_values()
    {
        var act = () => SampleStatistics.Of(Array.Empty<double>());

        act.Should().Throw<ArgumentException>().WithMessage("*at least one value*");
    }
}
