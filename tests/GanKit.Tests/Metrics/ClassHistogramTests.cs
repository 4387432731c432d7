using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class ClassHistogramTests
{
    [Fact]
    public void Counts_shares_and_coverage_follow_the_labels()
    {
        // 200 samples over 4 classes: 100, 98, 2 and 0. Class 2 holds exactly 1%, the threshold.
        var labels = Enumerable.Repeat(0L, 100).Concat(Enumerable.Repeat(1L, 98)).Concat(Enumerable.Repeat(2L, 2)).ToArray();
        using var tensor = torch.tensor(labels);

        var histogram = ClassHistogram.FromLabels(tensor, classCount: 4);

        histogram.Counts.Should().Equal(100, 98, 2, 0);
        histogram.Shares.Should().Equal(0.5, 0.49, 0.01, 0.0);
        histogram.SampleCount.Should().Be(200);
        histogram.CoveredClasses.Should().Be(3);
        histogram.Coverage.Should().Be(0.75);
        double expectedKl = (0.5 * Math.Log(0.5 * 4)) + (0.49 * Math.Log(0.49 * 4)) + (0.01 * Math.Log(0.01 * 4));
        histogram.KlFromUniform.Should().BeApproximately(expectedKl, 1e-12);
    }

    [Fact]
    public void Uniform_histogram_has_zero_KL_and_full_coverage()
    {
        var histogram = ClassHistogram.FromCounts([50, 50, 50, 50, 50]);

        histogram.KlFromUniform.Should().BeApproximately(0.0, 1e-15);
        histogram.Coverage.Should().Be(1.0);
    }

    [Fact]
    public void Single_class_has_KL_ln_k()
    {
        using var probabilities = torch.zeros(30, 10);
        probabilities[.., 7] = torch.tensor(0.9f);
        probabilities[.., 2] = torch.tensor(0.1f);

        var histogram = ClassHistogram.FromProbabilities(probabilities);

        histogram.Counts[7].Should().Be(30);
        histogram.CoveredClasses.Should().Be(1);
        histogram.KlFromUniform.Should().BeApproximately(Math.Log(10), 1e-12);
    }

    [Fact]
    public void Rejects_labels_outside_the_class_range()
    {
        using var labels = torch.tensor(new long[] { 0, 3, 10 });

        FluentActions.Invoking(() => ClassHistogram.FromLabels(labels, 10))
            .Should().Throw<ArgumentException>().WithMessage("*[0, 10)*from 0 to 10*");
        FluentActions.Invoking(() => ClassHistogram.FromCounts([0, 0]))
            .Should().Throw<ArgumentException>();
    }
}
