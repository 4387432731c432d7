using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Reporting;
using GanKit.Samples.Dcgan.Sweeps;
using GanKit.Samples.Tests.Reporting;
using GanKit.Sweeps;
using GanKit.TestSupport;
using GanKit.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GanKit.Samples.Tests.Sweeps;

/// <summary>
/// The report of a tiny finished sweep (2 configurations x 2 seeds) in which one run fails on
/// purpose; the runs themselves are stand-ins that write what a real run writes.
/// </summary>
public class SweepReportExtrasTests
{
    private const string Tiny = """
        { "name": "tiny", "architectures": ["original"], "seeds": [1, 2], "epochs": 1, "maxBatchesPerEpoch": 3,
          "grid": { "generatorLearningRate": [0.0002, 0.0001] } }
        """;

    [Fact]
    public void Report_ranks_both_configurations_draws_the_plot_shows_the_best_samples_and_lists_the_failed_run()
    {
        using var folder = new TempDirectory();
        var plan = SweepDefinition.Parse(Tiny, DcganSweepSchema.Schema).Expand();
        var failing = plan.Runs[3];
        double[] fids = [40, 44, 30, double.NaN];
        new SweepRunner(new SweepRunnerOptions { Metrics = DcganSweepSchema.Metrics }).Run(plan, folder.Path, context =>
        {
            var (run, directory) = (context.Run, context.Directory);
            if (run.Id == failing.Id)
            {
                return SweepRunResult.Failure("training diverged: discriminator loss is NaN at step 2");
            }

            File.WriteAllText(Path.Combine(directory, EvaluationSummary.FileName), SummaryFixtures.Summary(fids[run.Number]).ToJson());
            Directory.CreateDirectory(Path.Combine(directory, AdversarialTrainer.SamplesFolderName));
            using (var image = new Image<L8>(28, 28))
            {
                image.SaveAsPng(Path.Combine(directory, AdversarialTrainer.SamplesFolderName, "epoch-0001.png"));
            }

            return SweepRunResult.Success();
        });
        var output = new StringWriter();
        var host = new DcganSweepHost(new PlainProgressDisplay(TextWriter.Null, TimeProvider.System), output, new StringWriter());

        host.Report(new SweepReportSettings(folder.Path, "fid")).Should().Be(0);

        string markdown = File.ReadAllText(Path.Combine(folder.Path, SweepReport.MarkdownFileName));
        markdown.Should().Contain("3 of 4 runs finished, 1 failed, 0 not finished");
        markdown.Should().Contain("| 1 | architecture=original, generatorLearningRate=0.0001 `").And.Contain("| 1/2 | 30 |");
        markdown.Should().Contain("| 2 | architecture=original, generatorLearningRate=0.0002 `").And.Contain("| 2/2 | 42 ± 2.828 |");
        markdown.Should().Contain($"| {failing.Id} | architecture=original, generatorLearningRate=0.0001 | 2 | training diverged: discriminator loss is NaN at step 2 |");
        markdown.Should().Contain($"(runs/{plan.Runs[2].Id}/samples/epoch-0001.png)");
        markdown.Should().Contain("(fid-vs-generatorLearningRate.png)");
        var plot = Image.Identify(Path.Combine(folder.Path, "fid-vs-generatorLearningRate.png"));
        plot.Width.Should().Be(SweepParameterPlot.Width);
        File.Exists(Path.Combine(folder.Path, SweepReport.JsonFileName)).Should().BeTrue();
        output.ToString().Should().Contain("# Sweep report: tiny");
    }

    [Fact]
    public void Plot_puts_names_on_a_category_axis()
    {
        using var folder = new TempDirectory();
        var plan = SweepDefinition.Parse("""
            { "architectures": ["original", "modified"], "seeds": [1], "epochs": 1, "grid": { "loss": ["Hinge", "NonSaturating"] } }
            """, DcganSweepSchema.Schema).Expand();
        new SweepRunner(new SweepRunnerOptions { Metrics = DcganSweepSchema.Metrics }).Run(plan, folder.Path, context =>
        {
            var (run, directory) = (context.Run, context.Directory);
            File.WriteAllText(Path.Combine(directory, EvaluationSummary.FileName), SummaryFixtures.Summary(10 + run.Number).ToJson());
            return SweepRunResult.Success();
        });
        var report = SweepReport.Collect(folder.Path, DcganSweepSchema.Metrics);

        var sections = SweepReportExtras.Build(report);

        SweepParameterPlot.PlottedParameters(report).Should().Equal("architecture", "loss");
        File.Exists(folder.Combine("fid-vs-architecture.png")).Should().BeTrue();
        File.Exists(folder.Combine("fid-vs-loss.png")).Should().BeTrue();
        sections.Should().ContainSingle("no run left sample images, so only the plots section is added")
            .Which.Should().Contain("![FID by loss](fid-vs-loss.png)");
    }
}
