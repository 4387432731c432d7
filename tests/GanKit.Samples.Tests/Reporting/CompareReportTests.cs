using GanKit.Mnist.Evaluation;
using GanKit.Samples.Dcgan.Reporting;
using static GanKit.Samples.Tests.Reporting.SummaryFixtures;

namespace GanKit.Samples.Tests.Reporting;

public class CompareReportTests
{
    private static readonly CompareSettings Settings = new(Epochs: 10, BatchSize: 256, LearningRate: 1e-4, Seeds: [1, 2], MaxBatchesPerEpoch: null);

    private static ArchitectureResults Original() => new("original", "GEN-ORIGINAL-TABLE", "DISC-ORIGINAL-TABLE",
    [
        new SeedRun(1, "original-seed1", Summary(40, perDigitFid: 30)),
        new SeedRun(2, "original-seed2", Summary(44, perDigitFid: 34)),
    ]);

    private static ArchitectureResults Modified() => new("modified", "GEN-MODIFIED-TABLE", "DISC-MODIFIED-TABLE",
    [
        new SeedRun(1, "modified-seed1", Summary(20)),
        new SeedRun(2, "modified-seed2", Summary(22)),
    ]);

    private static MnistConditionalSummary PerDigit(double accuracy, double fid) => new(
        Enumerable.Range(0, 10).Select(d => new MnistConditionalDigitSummary(d, new MnistSeedStatistics(accuracy, 0.05, 2), new MnistSeedStatistics(fid + d, 1.5, 2))).ToList(),
        new MnistSeedStatistics(fid + 4.5, 1.25, 2),
        new MnistSeedStatistics(accuracy, 0.05, 2),
        SeedCount: 2);

    [Fact]
    public void A_conditional_comparison_shows_each_architectures_digits_asked_for_before_the_classifier_grouping()
    {
        var first = Original() with { Name = "conditional original", Conditional = PerDigit(0.9, 20) };
        var second = Modified() with { Name = "conditional modified", Conditional = PerDigit(0.5, 40) };

        string md = CompareReport.Build(Settings, first, second, figure: null);

        md.Should().StartWith("# Conditional original vs conditional modified DCGAN on MNIST");
        int asked = md.IndexOf("## Per-digit metrics of the digits asked for", StringComparison.Ordinal);
        int grouped = md.IndexOf("## Per-digit metrics" + Environment.NewLine, StringComparison.Ordinal);
        asked.Should().BeGreaterThan(0).And.BeLessThan(grouped);
        string section = md[asked..grouped];
        section.Should().Contain("### Conditional original").And.Contain("### Conditional modified");
        section.Should().Contain("| 3 | 90.0 % ± 5.0 % | 23.000 ± 1.500 |").And.Contain("| 3 | 50.0 % ± 5.0 % | 43.000 ± 1.500 |");
        section.Should().Contain("| Intra-class FID (mean over digits) | 24.500 ± 1.250 |").And.Contain("| Intra-class FID (mean over digits) | 44.500 ± 1.250 |");
    }

    [Fact]
    public void An_unconditional_comparison_has_no_digits_asked_for() =>
        CompareReport.Build(Settings, Original(), Modified(), figure: null).Should().NotContain("digits asked for");

    [Fact]
    public void Report_has_every_section_in_order()
    {
        string md = CompareReport.Build(Settings, Original(), Modified(), new FigureReference("figure.png", [3, 5, 8, 10], 1));

        int Index(string s)
        {
            int i = md.IndexOf(s, StringComparison.Ordinal);
            i.Should().BeGreaterThanOrEqualTo(0, $"the report should contain \"{s}\"");
            return i;
        }

        var order = new[] { "# Original vs modified", "## Verdict", "## Samples", "## Metrics", "## Per-digit metrics", "### Original", "### Modified", "## Loss curves", "## Model summaries" }
            .Select(Index).ToList();
        order.Should().BeInAscendingOrder();
        md.Should().Contain("trained for 10 epochs (batch size 256, learning rate 0.0001) with 2 seeds: 1, 2.");
        md.Should().Contain("![original over modified](figure.png)");
        md.Should().Contain("epochs 3, 5, 8, 10 (seed 1");
        foreach (string table in new[] { "GEN-ORIGINAL-TABLE", "DISC-ORIGINAL-TABLE", "GEN-MODIFIED-TABLE", "DISC-MODIFIED-TABLE" })
        {
            md.Should().Contain(table);
        }
    }

    [Fact]
    public void Metrics_table_shows_mean_and_std_and_bolds_the_better_mean()
    {
        string md = CompareReport.Build(Settings, Original(), Modified(), figure: null);

        // FID: original 42 ± 2.83, modified 21 ± 1.41; lower is better.
        md.Should().Contain("| original | 42.00 ± 2.83 |");
        md.Should().Contain("| modified | **21.00 ± 1.41** |");
        md.Should().Contain("| [modified](modified-seed2) | 2 | 22.00 |");
        md.Should().NotContain("## Samples");
    }

    [Fact]
    public void Per_digit_table_averages_each_digit_over_seeds()
    {
        string table = CompareReport.PerDigitTable(Original().Runs.Select(r => r.Summary).ToList());

        string[] lines = table.TrimEnd().Split('\n');
        lines[0].Should().Be("| Digit | FID | Share |");
        // Digit 0: fid 30 and 34; digit 1: 31 and 35.
        lines[2].Should().Be("| 0 | 32.00 ± 2.83 | 0.100 ± 0.000 |");
        lines[3].Should().Be("| 1 | 33.00 ± 2.83 | 0.120 ± 0.000 |");
    }

    [Fact]
    public void Per_digit_counts_are_whole_numbers_and_small_values_stay_in_fixed_notation()
    {
        static EvaluationSummary WithCounts(int count, double share) => new(40, 0.01, 8, 0.7, 0.6,
            [new DigitRow(0, [new("count", count), new("share", share), new("fid", 30.5)])]);

        string twoSeeds = CompareReport.PerDigitTable([WithCounts(412, 0.1), WithCounts(416, 0.1000064)]);
        string oneSeed = CompareReport.PerDigitTable([WithCounts(409, 0.1)]);

        twoSeeds.TrimEnd().Split('\n')[0].Should().Be("| Digit | Count | Share | FID |");
        // Counts 412 and 416: mean 414, sample std 2.83, shown to the image.
        twoSeeds.TrimEnd().Split('\n')[2].Should().Be("| 0 | 414 ± 3 | 0.100 ± 0.000 | 30.50 ± 0.00 |");
        oneSeed.TrimEnd().Split('\n')[2].Should().Be("| 0 | 409 | 0.100 | 30.50 |");
        (twoSeeds + oneSeed).Should().NotContainAny("E-", "E+", "409.0", "414.0");
    }

    [Fact]
    public void A_small_learning_rate_is_written_without_an_exponent()
    {
        string md = CompareReport.Build(Settings with { LearningRate = 1e-5 }, Original(), Modified(), figure: null);

        md.Should().Contain("learning rate 0.00001)");
    }

    [Fact]
    public void Report_contains_the_verdict_sentence()
    {
        string md = CompareReport.Build(Settings, Original(), Modified(), figure: null);

        md.Should().Contain("The modified architecture is better on FID;");
    }
}
