using GanKit.Metrics;
using GanKit.Mnist.Evaluation;

namespace GanKit.Mnist.Tests.Evaluation;

/// <summary>Mean ± std of conditional reports over seeds, against values worked out by hand.</summary>
public sealed class MnistConditionalSummaryTests
{
    [Fact]
    public void Aggregates_per_digit_and_overall_numbers_as_mean_and_sample_std()
    {
        // Digit 0: accuracy 0.9, 0.8, 1.0 -> mean 0.9, std sqrt((0.01 + 0.01 + 0) / 2) = 0.1;
        // FID 10, 12, 14 -> mean 12, std 2. Intra-class FID 20, 22, 27 -> mean 23,
        // std sqrt((9 + 1 + 16) / 2) = sqrt(13). Accuracy 0.5, 0.6, 0.7 -> mean 0.6, std 0.1.
        var seeds = new[]
        {
            Report(digitZeroAccuracy: 0.9, digitZeroFid: 10, intraClassFid: 20, classAccuracy: 0.5),
            Report(digitZeroAccuracy: 0.8, digitZeroFid: 12, intraClassFid: 22, classAccuracy: 0.6),
            Report(digitZeroAccuracy: 1.0, digitZeroFid: 14, intraClassFid: 27, classAccuracy: 0.7),
        };

        var summary = MnistConditionalReport.Aggregate(seeds);

        summary.SeedCount.Should().Be(3);
        summary.Digits.Select(d => d.Digit).Should().Equal(Enumerable.Range(0, 10));
        summary.Digits[0].ClassAccuracy.Mean.Should().BeApproximately(0.9, 1e-12);
        summary.Digits[0].ClassAccuracy.Std.Should().BeApproximately(0.1, 1e-12);
        summary.Digits[0].Fid.Mean.Should().BeApproximately(12, 1e-12);
        summary.Digits[0].Fid.Std.Should().BeApproximately(2, 1e-12);
        summary.Digits[0].Fid.Count.Should().Be(3);
        summary.Digits[5].ClassAccuracy.Mean.Should().BeApproximately(0.95, 1e-12);
        summary.Digits[5].ClassAccuracy.Std.Should().BeApproximately(0, 1e-12, "every seed gave digit 5 the same accuracy");
        summary.IntraClassFid.Mean.Should().BeApproximately(23, 1e-12);
        summary.IntraClassFid.Std.Should().BeApproximately(Math.Sqrt(13), 1e-12);
        summary.ClassAccuracy.Mean.Should().BeApproximately(0.6, 1e-12);
        summary.ClassAccuracy.Std.Should().BeApproximately(0.1, 1e-12);
    }

    [Fact]
    public void One_seed_has_a_spread_of_zero()
    {
        var summary = MnistConditionalReport.Aggregate([Report(0.9, 10, 20, 0.5)]);

        summary.SeedCount.Should().Be(1);
        summary.Digits[0].Fid.Should().Be(new MnistSeedStatistics(10, 0, 1));
        summary.IntraClassFid.Should().Be(new MnistSeedStatistics(20, 0, 1));
        summary.ClassAccuracy.Should().Be(new MnistSeedStatistics(0.5, 0, 1));
    }

    [Fact]
    public void Markdown_shows_every_cell_as_mean_and_std()
    {
        var summary = MnistConditionalReport.Aggregate([Report(0.9, 10, 20, 0.5), Report(0.8, 12, 22, 0.6), Report(1.0, 14, 27, 0.7)]);

        string markdown = summary.ToMarkdown();

        markdown.Should().Contain("over 3 seeds")
            .And.Contain("| Digit asked for | Class accuracy | FID vs test digit |")
            .And.Contain("| 0 | 90.0 % ± 10.0 % | 12.000 ± 2.000 |")
            .And.Contain("| 5 | 95.0 % ± 0.0 % | 30.000 ± 0.000 |")
            .And.Contain("| Intra-class FID (mean over digits) | 23.000 ± 3.606 |")
            .And.Contain("| Class accuracy | 60.0 % ± 10.0 % |");
        markdown.Split('\n').Count(line => line.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(line[2])).Should().Be(10);
    }

    [Fact]
    public void Refuses_no_reports_a_missing_report_and_reports_from_another_feature_network()
    {
        var other = Report(0.9, 10, 20, 0.5) with { Overall = Overall("0000") };

        FluentActions.Invoking(() => MnistConditionalReport.Aggregate([]))
            .Should().Throw<ArgumentException>().WithMessage("*at least one conditional report*");
        FluentActions.Invoking(() => MnistConditionalReport.Aggregate([Report(0.9, 10, 20, 0.5), null!]))
            .Should().Throw<ArgumentNullException>().WithMessage("*Report 1 of 2 is null*");
        FluentActions.Invoking(() => MnistConditionalReport.Aggregate([Report(0.9, 10, 20, 0.5), other]))
            .Should().Throw<ArgumentException>().WithMessage("*Report 1 was measured with feature network*SHA-256 0000*not comparable*");
    }

    /// <summary>A report whose digit 0 carries the given numbers; the other digits are fixed (accuracy 0.95, FID 30 + digit).</summary>
    private static MnistConditionalReport Report(double digitZeroAccuracy, double digitZeroFid, double intraClassFid, double classAccuracy)
    {
        var digits = Enumerable.Range(0, 10)
            .Select(d => d == 0
                ? new MnistConditionalDigitQuality(0, 100, digitZeroAccuracy, 0.9, digitZeroFid, 980)
                : new MnistConditionalDigitQuality(d, 100, 0.95, 0.9, 30 + (d - 5), 1000))
            .ToList();
        return new MnistConditionalReport(digits, intraClassFid, classAccuracy, Overall(MnistClassifier.ShippedWeightsSha256));
    }

    private static MnistEvaluationReport Overall(string weightsSha256) => new(
        Fid: 5,
        Kid: 0.001,
        KidStd: 0.0005,
        ClassifierScore: 9.5,
        ClassifierScoreStd: 0.1,
        Precision: 0.8,
        Recall: 0.8,
        Histogram: ClassHistogram.FromCounts(Enumerable.Repeat(100L, 10).ToArray()),
        Digits: [],
        GeneratedCount: 1000,
        ReferenceCount: 10_000,
        ExtractorName: MnistClassifier.NetworkName,
        ExtractorWeightsSha256: weightsSha256,
        KidSubsets: 20,
        KidSubsetSize: 1000,
        ClassifierScoreSplits: 10,
        PrecisionRecallK: 3,
        Seed: 0);
}
