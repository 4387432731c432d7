using System.Text.Json.Nodes;
using GanKit.Imaging;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Runs;
using GanKit.TestSupport;
using SixLabors.ImageSharp;
using TorchSharp;

namespace GanKit.Samples.Tests.Runs;

/// <summary>
/// One conditional run of two tiny batches, trained once through the command line on MNIST (the
/// real files, fetched by the loader where the cache lacks them) for every test of the class.
/// </summary>
public sealed class ConditionalRunFixture : IDisposable
{
    private readonly TempDirectory _root = new();

    public ConditionalRunFixture()
    {
        Run = _root.Combine("conditional-original");
        var (code, output, error) = ConditionalRunTests.Cli(
            "train", "--conditional", "--arch", "original", "--seed", "4", "--out", Run,
            "--epochs", "1", "--max-batches", "2", "--batch-size", "8", "--eval-samples", "20");
        if (code != ExitCodes.Success)
        {
            throw new InvalidOperationException($"The conditional run failed with exit code {code}: {error}{output}");
        }

        TrainOutput = output;
    }

    /// <summary>Gets the run folder.</summary>
    public string Run { get; }

    /// <summary>Gets what <c>train</c> printed.</summary>
    public string TrainOutput { get; }

    /// <summary>Gets a fresh path in the fixture's folder.</summary>
    public string Path(string name) => _root.Combine(name);

    public void Dispose() => _root.Dispose();
}

public sealed class ConditionalRunTests(ConditionalRunFixture fixture) : IClassFixture<ConditionalRunFixture>
{
    internal static (int Code, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var runner = new SampleRunner(new PlainProgressDisplay(TextWriter.Null, TimeProvider.System), output, error);
        int code = DcganCli.Run(args, runner, output, error);
        return (code, output.ToString(), error.ToString());
    }

    // ImageGrid pads every tile and the border alike, so a grid's height counts its rows.
    private static int GridRows(string png)
    {
        using var image = Image.Load(png);
        return (image.Height - ImageGrid.DefaultPadding) / (28 + ImageGrid.DefaultPadding);
    }

    private static int GridColumns(string png)
    {
        using var image = Image.Load(png);
        return (image.Width - ImageGrid.DefaultPadding) / (28 + ImageGrid.DefaultPadding);
    }

    [Fact]
    public void The_run_records_that_it_is_conditional_and_its_sample_grid_has_a_row_per_digit()
    {
        RunInfo.Load(fixture.Run).Should().Match<RunInfo>(i => i.Conditional && i.Arch == "original" && i.Seed == 4);
        JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(fixture.Run, RunInfo.FileName)))!["conditional"]!.GetValue<bool>().Should().BeTrue();
        string grid = CompareAssembler.SamplePath(fixture.Run, 1);
        GridRows(grid).Should().Be(10);
        GridColumns(grid).Should().Be(10);
        fixture.TrainOutput.Should().Contain("conditional original seed 4: intra-class FID ").And.Contain("class accuracy ");
    }

    [Fact]
    public void Its_checkpoint_loads_as_a_generator_of_the_ten_digits_and_not_as_an_unconditional_one()
    {
        var checkpoint = TrainedGenerator.FindCheckpoint(fixture.Run);

        using (var generator = TrainedGenerator.Load("original", checkpoint, torch.CPU, conditional: true))
        {
            generator.ClassCount.Should().Be(10);
            using var images = generator.Generate(3, [7, 7, 2], seed: 5);
            images.shape.Should().Equal(3, 1, 28, 28);
        }

        var unconditional = () => TrainedGenerator.Load("original", checkpoint, torch.CPU, conditional: false);
        unconditional.Should().Throw<UsageException>().WithMessage("*holds a conditional generator of 10 classes, but the run's run.json says the run is unconditional.");
    }

    [Fact]
    public void Generate_digit_7_writes_one_row_of_sevens_and_several_digits_one_row_each()
    {
        string seven = fixture.Path("seven.png");
        var (code, output, error) = Cli("generate", "--checkpoint", fixture.Run, "--digit", "7", "--out", seven);

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("Wrote 1 row of 10 (digit 7) from conditional original seed 4");
        GridRows(seven).Should().Be(1);
        GridColumns(seven).Should().Be(SampleOptions.DefaultImagesPerDigit);

        string pair = fixture.Path("three-and-seven.png");
        Cli("generate", "--checkpoint", fixture.Run, "--digit", "3,7", "--count", "4", "--out", pair).Code.Should().Be(ExitCodes.Success);
        GridRows(pair).Should().Be(2);
        GridColumns(pair).Should().Be(4);
    }

    [Fact]
    public void Generate_without_digit_writes_the_ten_by_ten_grid()
    {
        string grid = fixture.Path("all-digits.png");
        var (code, _, error) = Cli("generate", "--checkpoint", System.IO.Path.Combine(fixture.Run, "checkpoints"), "--out", grid);

        code.Should().Be(ExitCodes.Success, error);
        GridRows(grid).Should().Be(10);
        GridColumns(grid).Should().Be(10);
    }

    [Fact]
    public void Generate_refuses_a_digit_outside_0_to_9_before_loading_anything()
    {
        var (code, _, error) = Cli("generate", "--checkpoint", fixture.Run, "--digit", "12", "--out", fixture.Path("twelve.png"));

        code.Should().Be(ExitCodes.Usage);
        error.Should().Be($"error: --digit takes digits 0 to 9, separated by commas; got '12'.{Environment.NewLine}");
        File.Exists(fixture.Path("twelve.png")).Should().BeFalse();
    }

    [Fact]
    public void Generate_digit_on_an_unconditional_run_is_a_usage_error_and_a_mislabelled_run_is_caught_on_load()
    {
        // The same checkpoint under a run.json that says unconditional: --digit is refused from
        // run.json alone, and loading the saved conditional network notices the disagreement.
        string copy = fixture.Path("relabelled");
        CopyFolder(fixture.Run, copy);
        (RunInfo.Load(copy) with { Conditional = false }).Save(copy);

        var (code, _, error) = Cli("generate", "--checkpoint", copy, "--digit", "7", "--out", fixture.Path("refused.png"));
        code.Should().Be(ExitCodes.Usage);
        error.Should().StartWith($"error: --digit: '{copy}' holds an unconditional run (original seed 4), whose generator cannot be asked for a digit");

        var (plainCode, _, plainError) = Cli("generate", "--checkpoint", copy, "--out", fixture.Path("mislabelled.png"));
        plainCode.Should().Be(ExitCodes.Usage);
        plainError.Should().Contain("holds a conditional generator of 10 classes, but the run's run.json says the run is unconditional");
    }

    [Fact]
    public void Resume_with_the_other_kind_of_run_is_a_usage_error()
    {
        var (code, _, error) = Cli("train", "--arch", "original", "--seed", "4", "--out", fixture.Run, "--resume",
            "--epochs", "1", "--max-batches", "2", "--batch-size", "8", "--eval-samples", "20");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("holds a run of the conditional original architecture, not the original one (add --conditional).");
    }

    [Fact]
    public void Resume_continues_a_conditional_run_with_its_conditional_networks()
    {
        string copy = fixture.Path("resumed");
        CopyFolder(fixture.Run, copy);

        var (code, _, error) = Cli("train", "--conditional", "--arch", "original", "--seed", "4", "--out", copy, "--resume",
            "--epochs", "2", "--max-batches", "2", "--batch-size", "8", "--eval-samples", "20");

        code.Should().Be(ExitCodes.Success, error);
        JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(copy, "summary.json")))!["epochs"]!.GetValue<int>().Should().Be(2);
        TrainedGenerator.FindCheckpoint(copy).Epoch.Should().Be(2);
        GridRows(CompareAssembler.SamplePath(copy, 2)).Should().Be(10);
        RunInfo.Load(copy).Conditional.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_judges_each_digit_on_the_images_asked_for_it()
    {
        string copy = fixture.Path("evaluated");
        CopyFolder(fixture.Run, copy);
        File.Delete(System.IO.Path.Combine(copy, Evaluation.ConditionalFileName));

        var (code, output, error) = Cli("evaluate", "--checkpoint", copy, "--eval-samples", "30", "--seed", "2");

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("Evaluating conditional original seed 4 at epoch 1").And.Contain("| Digit asked for | Class accuracy |").And.Contain("Intra-class FID");
        var report = Evaluation.LoadConditional(copy);
        report.Digits.Select(d => d.Digit).Should().Equal(Enumerable.Range(0, 10));
        report.Digits.Should().OnlyContain(d => d.Count == 3, "30 images spread over ten digits");
        report.IntraClassFid.Should().BeApproximately(report.Digits.Average(d => d.Fid), 1e-9);
        var summary = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(copy, "summary.json")))!;
        summary["conditional"]!.GetValue<bool>().Should().BeTrue();
        summary["intra_class_fid"]!.GetValue<double>().Should().Be(report.IntraClassFid);
        summary["class_accuracy"]!.GetValue<double>().Should().Be(report.ClassAccuracy);
        File.ReadAllText(System.IO.Path.Combine(copy, Evaluation.MarkdownFileName)).Should().StartWith("| Digit asked for |");
    }

    [Fact]
    public void Compare_conditional_adds_each_architectures_per_digit_table()
    {
        string folder = fixture.Path("compare");
        var (code, output, error) = Cli("compare", "--conditional", "--seeds", "1", "--out", folder,
            "--epochs", "1", "--max-batches", "1", "--batch-size", "8", "--eval-samples", "20");

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("report.md");
        Directory.Exists(System.IO.Path.Combine(folder, "conditional-original-seed1")).Should().BeTrue();
        Directory.Exists(System.IO.Path.Combine(folder, "conditional-modified-seed1")).Should().BeTrue();
        string md = File.ReadAllText(System.IO.Path.Combine(folder, CompareAssembler.ReportFileName));
        md.Should().StartWith("# Conditional original vs conditional modified DCGAN on MNIST");
        int section = md.IndexOf("## Per-digit metrics of the digits asked for", StringComparison.Ordinal);
        section.Should().BeGreaterThan(0);
        string tables = md[section..md.IndexOf("## Per-digit metrics" + Environment.NewLine, section, StringComparison.Ordinal)];
        foreach (string arch in new[] { "### Conditional original", "### Conditional modified" })
        {
            tables.Should().Contain(arch);
        }

        tables.Split('\n').Count(l => l.StartsWith("| Digit asked for | Class accuracy | FID vs test digit |", StringComparison.Ordinal)).Should().Be(2);
        for (int digit = 0; digit < 10; digit++)
        {
            tables.Split('\n').Count(l => l.StartsWith($"| {digit} | ", StringComparison.Ordinal) && l.Contains(" ± ", StringComparison.Ordinal)).Should().Be(2, $"digit {digit} has a row for each architecture");
        }

        tables.Split('\n').Count(l => l.StartsWith("| Intra-class FID (mean over digits) | ", StringComparison.Ordinal)).Should().Be(2);
    }

    private static void CopyFolder(string source, string destination)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
