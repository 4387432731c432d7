using System.Text.Json;
using GanKit.Sweeps;
using static GanKit.Sweeps.Tests.SweepTestSupport;

namespace GanKit.Sweeps.Tests;

public sealed class SweepReportTests
{
    /// <summary>2 configurations x 2 seeds: run 0, 1 = original; 2, 3 = modified.</summary>
    private const string TwoByTwo = """
        { "name": "tiny", "architectures": ["original", "modified"], "seeds": [1, 2], "epochs": 1, "maxBatchesPerEpoch": 3 }
        """;

    private readonly SweepPlan _plan = Parse(TwoByTwo).Expand();
    private readonly string _directory = NewDirectory();
    private readonly SweepFolder _folder;

    public SweepReportTests()
    {
        _folder = new SweepFolder(_directory);
        _folder.Initialize(_plan);
    }

    [Fact]
    public void Collect_computes_means_and_sample_standard_deviations_per_configuration()
    {
        WriteSummary(_folder.RunDirectory(_plan.Runs[0]), fid: 30, kid: 0.02, score: 8, precision: 0.6, recall: 0.4);
        WriteSummary(_folder.RunDirectory(_plan.Runs[1]), fid: 34, kid: 0.04, score: 9, precision: 0.8, recall: 0.4);
        WriteSummary(_folder.RunDirectory(_plan.Runs[2]), fid: 20, kid: 0.01, score: 7, precision: 0.5, recall: 0.3);
        WriteSummary(_folder.RunDirectory(_plan.Runs[3]), fid: 26, kid: 0.03, score: 6, precision: 0.7, recall: 0.5);

        var report = SweepReport.Collect(_directory, Metrics);

        report.Configurations.Should().HaveCount(2);
        var best = report.Configurations[0];
        best.Rank.Should().Be(1);
        best.Label.Should().Be("architecture=modified");
        best.Statistics["fid"].Mean.Should().Be(23);
        best.Statistics["fid"].StandardDeviation.Should().BeApproximately(Math.Sqrt(18), 1e-12);
        best.Statistics["recall"].StandardDeviation.Should().BeApproximately(Math.Sqrt(0.02), 1e-12);
        var second = report.Configurations[1];
        second.Statistics["fid"].Mean.Should().Be(32);
        second.Statistics["fid"].StandardDeviation.Should().BeApproximately(Math.Sqrt(8), 1e-12);
        second.Statistics["kid"].Mean.Should().BeApproximately(0.03, 1e-12);
        second.Statistics["classifier_score"].Mean.Should().Be(8.5);
        second.Statistics["precision"].StandardDeviation.Should().BeApproximately(Math.Sqrt(0.02), 1e-12);
        second.Statistics["recall"].StandardDeviation.Should().Be(0);
        report.Best!.ConfigurationId.Should().Be(_plan.Runs[2].ConfigurationId);
        report.FailedRuns.Should().BeEmpty();
        report.MissingRuns.Should().BeEmpty();
    }

    [Fact]
    public void Collect_ranks_by_a_higher_is_better_metric_when_asked()
    {
        WriteSummary(_folder.RunDirectory(_plan.Runs[0]), fid: 30, score: 8);
        WriteSummary(_folder.RunDirectory(_plan.Runs[2]), fid: 20, score: 7);

        var report = SweepReport.Collect(_directory, Metrics, rankBy: "classifier_score");

        report.Configurations.Select(c => c.Label).Should().Equal("architecture=original", "architecture=modified");
        report.Configurations[0].Statistics["fid"].StandardDeviation.Should().BeNull("one seed has no spread");
    }

    [Fact]
    public void Report_lists_a_failed_and_a_missing_run_and_keeps_every_row()
    {
        WriteSummary(_folder.RunDirectory(_plan.Runs[0]), fid: 30);
        WriteSummary(_folder.RunDirectory(_plan.Runs[1]), fid: 34);
        WriteSummary(_folder.RunDirectory(_plan.Runs[2]), fid: 20);
        Directory.CreateDirectory(_folder.RunDirectory(_plan.Runs[3]));
        SweepFolder.WriteFailure(_folder.RunDirectory(_plan.Runs[3]), _plan.Runs[3], "discriminator loss became NaN");

        var report = SweepReport.Collect(_directory, Metrics);
        string markdown = report.ToMarkdown(["## Extra\n\nA plot."]);
        using var json = JsonDocument.Parse(report.ToJson());

        report.FailedRuns.Should().ContainSingle().Which.Run.Id.Should().Be(_plan.Runs[3].Id);
        report.Configurations.Should().HaveCount(2);
        report.Configurations[0].FinishedRuns.Should().Be(1);
        markdown.Should().Contain("3 of 4 runs finished, 1 failed, 0 not finished");
        markdown.Should().Contain($"| {_plan.Runs[3].Id} | architecture=modified | 2 | discriminator loss became NaN |");
        markdown.Should().Contain("| 1 | architecture=modified `").And.Contain("| 1/2 | 20 |");
        markdown.Should().Contain("| 2 | architecture=original `").And.Contain("| 2/2 | 32 ± 2.828 |");
        markdown.Should().EndWith("## Extra\n\nA plot.\n");
        json.RootElement.GetProperty("configurations").GetArrayLength().Should().Be(2);
        json.RootElement.GetProperty("configurations")[1].GetProperty("metrics").GetProperty("fid").GetProperty("std").GetDouble().Should().BeApproximately(Math.Sqrt(8), 1e-12);
        var states = json.RootElement.GetProperty("allRuns").EnumerateArray().Select(r => r.GetProperty("state").GetString()).ToArray();
        states.Should().Equal("finished", "finished", "finished", "failed");
    }

    [Fact]
    public void Report_lists_runs_not_started_and_interrupted_and_unranked_configurations()
    {
        WriteSummary(_folder.RunDirectory(_plan.Runs[0]), fid: 30);
        string interrupted = _folder.RunDirectory(_plan.Runs[1]);
        Directory.CreateDirectory(interrupted);
        SweepClaimTests.WriteForeignClaim(interrupted, 1, Environment.MachineName, SweepClaimTests.ExitedProcessId(), DateTime.UtcNow, released: null, startUtc: null);

        var report = SweepReport.Collect(_directory, Metrics);
        string markdown = report.ToMarkdown();

        report.MissingRuns.Select(r => r.State).Should().Equal(SweepRunState.Interrupted, SweepRunState.NotStarted, SweepRunState.NotStarted);
        report.Configurations[1].Rank.Should().BeNull();
        markdown.Should().Contain($"| {_plan.Runs[2].Id} | architecture=modified | 1 | not started |");
        markdown.Should().Contain($"| {_plan.Runs[1].Id} | architecture=original | 2 | interrupted");
        markdown.Should().Contain("| – | architecture=modified `");
    }

    [Fact]
    public void Report_treats_a_corrupt_summary_as_not_finished()
    {
        string run = _folder.RunDirectory(_plan.Runs[0]);
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, SweepRunContext.SummaryFileName), """{ "fid": NaN """);

        var status = SweepReport.Collect(_directory, Metrics).Runs[0];

        status.State.Should().Be(SweepRunState.Interrupted);
        status.Detail.Should().Contain("not valid JSON");
    }

    [Fact]
    public void WriteFiles_puts_both_reports_in_the_sweep_folder()
    {
        WriteSummary(_folder.RunDirectory(_plan.Runs[0]), fid: 30);

        var (markdown, json) = SweepReport.Collect(_directory, Metrics).WriteFiles();

        markdown.Should().Be(Path.Combine(_folder.Root, "report.md"));
        File.ReadAllText(markdown).Should().StartWith("# Sweep report: tiny");
        JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("finished").GetInt32().Should().Be(1);
    }

    [Fact]
    public void Collect_on_a_folder_without_plan_says_it_is_not_a_sweep()
    {
        var act = () => SweepReport.Collect(NewDirectory(), Metrics);

        act.Should().Throw<FileNotFoundException>().WithMessage("*is not a sweep folder*");
    }

    [Fact]
    public void Statistics_match_hand_computed_values()
    {
        var stats = SweepMetricStatistics.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        stats.Mean.Should().Be(5);
        stats.StandardDeviation.Should().BeApproximately(Math.Sqrt(32.0 / 7), 1e-12);
        stats.Minimum.Should().Be(2);
        stats.Maximum.Should().Be(9);
        SweepReport.FormatStatistics(stats).Should().Be("5 ± 2.138");
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.00001 }, "1 ± 0.000007071")]
    [InlineData(new[] { 0.001234, 0.001234 }, "0.001234 ± 0")]
    [InlineData(new[] { 0.0012, 0.0013 }, "0.00125 ± 0.00007071")]
    [InlineData(new[] { 123456.0, 123458.0 }, "123457 ± 1.414")]
    [InlineData(new[] { 41.274, 41.266 }, "41.27 ± 0.005657")]
    [InlineData(new[] { -2.5 }, "-2.5")]
    public void Statistics_are_printed_in_fixed_notation_with_four_significant_digits(double[] values, string expected)
    {
        string text = SweepReport.FormatStatistics(SweepMetricStatistics.Of(values));

        text.Should().Be(expected);
        text.Should().NotContain("E");
    }
}
