using GanKit.Samples.Dcgan.Imaging;
using GanKit.Samples.Dcgan.Reporting;
using GanKit.Samples.Dcgan.Runs;
using GanKit.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static GanKit.Samples.Tests.Reporting.SummaryFixtures;

namespace GanKit.Samples.Tests.Reporting;

public class CompareAssemblerTests
{
    private static FinishedRun FakeRun(TempDirectory root, string arch, int seed, int epochs, double fid, byte shade)
    {
        string folder = Path.Combine(root.Path, $"{arch}-seed{seed}");
        Directory.CreateDirectory(Path.Combine(folder, "samples"));
        File.WriteAllText(Path.Combine(folder, EvaluationSummary.FileName), Summary(fid).ToJson());
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            using var image = new Image<L8>(10, 10, new L8((byte)(shade + epoch)));
            image.SaveAsPng(CompareAssembler.SamplePath(folder, epoch));
        }

        return new FinishedRun(arch, seed, folder);
    }

    [Fact]
    public void Writes_the_figure_from_the_first_seeds_samples_and_the_report_with_relative_links()
    {
        using var root = new TempDirectory();
        var runs = new[]
        {
            FakeRun(root, "original", 1, 4, fid: 40, shade: 0),
            FakeRun(root, "modified", 1, 4, fid: 20, shade: 100),
            FakeRun(root, "original", 2, 4, fid: 44, shade: 0),
            FakeRun(root, "modified", 2, 4, fid: 22, shade: 100),
        };
        var settings = new CompareSettings(Epochs: 4, BatchSize: 8, LearningRate: 1e-4, Seeds: [1, 2], MaxBatchesPerEpoch: 2);

        string report = CompareAssembler.Write(root.Path, settings, runs, arch => ($"{arch} G", $"{arch} D"));

        report.Should().Be(Path.Combine(root.Path, "report.md"));
        string md = File.ReadAllText(report);
        md.Should().Contain("| [original](original-seed2) | 2 | 44.00 |");
        md.Should().Contain("[seed 1](modified-seed1/loss-curve.png)");
        md.Should().Contain("original G").And.Contain("modified D");
        md.Should().Contain("at most 2 batches per epoch");

        using var figure = Image.Load<L8>(Path.Combine(root.Path, "figure.png"));
        int gap = SideBySideFigure.Gap;
        figure.Width.Should().Be(gap + (4 * (10 + gap)));
        figure.Height.Should().Be(gap + (2 * (10 + gap)));
        // Row 0 is the original run (shade + epoch), row 1 the modified one; column 3 is epoch 4.
        figure[gap + 5, gap + 5].PackedValue.Should().Be(1);
        figure[gap + (3 * (10 + gap)) + 5, gap + 10 + gap + 5].PackedValue.Should().Be(104);
    }

    [Fact]
    public void A_run_without_a_summary_is_named()
    {
        using var root = new TempDirectory();
        var original = FakeRun(root, "original", 1, 1, fid: 40, shade: 0);
        var modified = FakeRun(root, "modified", 1, 1, fid: 20, shade: 100);
        File.Delete(Path.Combine(modified.Folder, EvaluationSummary.FileName));

        var act = () => CompareAssembler.Write(root.Path, new CompareSettings(1, 8, 1e-4, [1], null), [original, modified], _ => ("G", "D"));

        act.Should().Throw<FileNotFoundException>().WithMessage("*modified-seed1*summary.json*");
    }
}
