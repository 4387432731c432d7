using GanKit.Samples.Dcgan.Reporting;
using static GanKit.Samples.Tests.Reporting.SummaryFixtures;

namespace GanKit.Samples.Tests.Reporting;

public class VerdictTests
{
    [Fact]
    public void Lower_fid_wins_and_a_clear_gap_exceeds_the_spread()
    {
        var original = new[] { Summary(fid: 40), Summary(fid: 42), Summary(fid: 44) };
        var modified = new[] { Summary(fid: 20), Summary(fid: 21), Summary(fid: 22) };

        var fid = MetricComparison.CompareAll(original, modified).Single(c => c.Metric.Key == "fid");

        fid.Winner.Should().Be(Winner.Second);
        fid.First.Mean.Should().Be(42);
        fid.Second.Mean.Should().Be(21);
        fid.ExceedsSpread.Should().BeTrue();
    }

    [Fact]
    public void Higher_precision_wins_but_overlapping_intervals_do_not_exceed_the_spread()
    {
        var original = new[] { Summary(40, precision: 0.70), Summary(40, precision: 0.80) };
        var modified = new[] { Summary(40, precision: 0.72), Summary(40, precision: 0.74) };

        var precision = MetricComparison.CompareAll(original, modified).Single(c => c.Metric.Key == "precision");

        // Means 0.75 vs 0.73: the original is ahead, but by less than 0.0707 + 0.0141.
        precision.Winner.Should().Be(Winner.First);
        precision.ExceedsSpread.Should().BeFalse();
    }

    [Fact]
    public void Sentence_names_the_winner_of_each_metric_and_which_differences_exceed_the_spread()
    {
        var original = new[] { Summary(40, kid: 0.02, score: 8.0, precision: 0.80, recall: 0.5), Summary(42, kid: 0.03, score: 8.2, precision: 0.82, recall: 0.5) };
        var modified = new[] { Summary(20, kid: 0.01, score: 8.1, precision: 0.60, recall: 0.7), Summary(22, kid: 0.01, score: 8.3, precision: 0.62, recall: 0.7) };

        string verdict = Verdict.Write("original", "modified", MetricComparison.CompareAll(original, modified));

        verdict.Should().Be(
            "The modified architecture is better on FID, KID, classifier score and recall; the original architecture is better on precision. " +
            "Only the FID, KID, precision and recall differences exceed the seed-to-seed spread " +
            "(the gap between the means is larger than the two standard deviations added together); the others are within it.");
    }

    [Fact]
    public void With_one_seed_the_sentence_says_the_spread_is_unknown()
    {
        var verdict = Verdict.Write("original", "modified", MetricComparison.CompareAll([Summary(40)], [Summary(30)]));

        verdict.Should().StartWith("The modified architecture is better on FID; the two are equal on KID, classifier score, precision and recall.");
        verdict.Should().Contain("single seed");
    }

    [Fact]
    public void When_no_difference_exceeds_the_spread_neither_is_called_clearly_better()
    {
        var original = new[] { Summary(40, recall: 0.5), Summary(50, recall: 0.7) };
        var modified = new[] { Summary(41, recall: 0.6), Summary(51, recall: 0.4) };

        var verdict = Verdict.Write("original", "modified", MetricComparison.CompareAll(original, modified));

        verdict.Should().StartWith("The original architecture is better on FID and recall;");
        verdict.Should().EndWith("so over these seeds neither architecture is clearly better.");
    }
}
