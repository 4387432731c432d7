using GanKit.Samples.Dcgan.Cli;
using GanKit.TestSupport;

namespace GanKit.Samples.Tests.Cli;

public class DcganCliTests
{
    private sealed class RecordingRunner : ISampleRunner
    {
        public object? Received { get; private set; }

        public int Train(TrainSettings settings, CancellationToken cancellationToken) => Record(settings);

        public int Compare(CompareCommandSettings settings, CancellationToken cancellationToken) => Record(settings);

        public int Evaluate(EvaluateSettings settings, CancellationToken cancellationToken) => Record(settings);

        public int Generate(GenerateSettings settings, CancellationToken cancellationToken) => Record(settings);

        private int Record(object settings)
        {
            Received = settings;
            return 0;
        }
    }

    private static (int Code, string Error, RecordingRunner Runner) Run(params string[] args)
    {
        var runner = new RecordingRunner();
        var output = new StringWriter();
        var error = new StringWriter();
        int code = DcganCli.Run(args, runner, output, error);
        return (code, error.ToString(), runner);
    }

    private static void ShouldBeOneLineUsageError((int Code, string Error, RecordingRunner Runner) result, string expected)
    {
        result.Code.Should().Be(ExitCodes.Usage);
        result.Error.TrimEnd('\n', '\r').Should().NotContain("\n").And.StartWith("error: ").And.Match(expected);
        result.Runner.Received.Should().BeNull("nothing runs after a bad argument");
    }

    [Fact]
    public void Train_defaults_are_the_reports_settings()
    {
        using var folder = new TempDirectory();
        var (code, _, runner) = Run("train", "--arch", "modified", "--out", folder.Path);

        code.Should().Be(0);
        var settings = runner.Received.Should().BeOfType<TrainSettings>().Subject;
        settings.Arch.Should().Be("modified");
        settings.Seed.Should().Be(1);
        settings.Resume.Should().BeFalse();
        settings.Output.Should().Be(folder.Path);
        settings.Training.Should().Be(new TrainingSettings(Epochs: 50, BatchSize: 256, LearningRate: 1e-4, MaxBatches: null, Device: "cpu", DataDirectory: null, EvalSamples: 10_000));
    }

    [Fact]
    public void Train_reads_every_option()
    {
        using var folder = new TempDirectory();
        var (code, _, runner) = Run("train", "--arch", "original", "--epochs", "3", "--batch-size", "64", "--lr", "2e-4", "--seed", "7",
            "--out", folder.Path, "--max-batches", "5", "--resume", "--data", "/data/mnist", "--eval-samples", "500");

        code.Should().Be(0);
        var settings = runner.Received.Should().BeOfType<TrainSettings>().Subject;
        settings.Seed.Should().Be(7);
        settings.Resume.Should().BeTrue();
        settings.Training.Should().Be(new TrainingSettings(3, 64, 2e-4, 5, "cpu", "/data/mnist", 500));
    }

    [Fact]
    public void Train_on_a_data_folder_reads_size_channels_and_memory_limit()
    {
        using var images = new TempDirectory();
        using var folder = new TempDirectory();
        var (code, _, runner) = Run("train", "--data-folder", images.Path, "--image-size", "64", "--channels", "1", "--memory-limit-mb", "16", "--out", folder.Path);

        code.Should().Be(0);
        var settings = runner.Received.Should().BeOfType<TrainSettings>().Subject;
        settings.Folder.Should().Be(new GanKit.Samples.Dcgan.Runs.FolderSettings(images.Path, 64, 1, 16L * 1024 * 1024));
        settings.Arch.Should().Be("folder-64x64x1");

        var (plainCode, _, plain) = Run("train", "--out", folder.Path);
        plainCode.Should().Be(0);
        plain.Received.Should().BeOfType<TrainSettings>().Which.Folder.Should().BeNull("without --data-folder the run is MNIST's");
    }

    [Fact]
    public void Train_on_a_data_folder_refuses_a_size_the_preset_lacks_and_a_missing_folder()
    {
        using var images = new TempDirectory();
        ShouldBeOneLineUsageError(Run("train", "--data-folder", images.Path, "--image-size", "48"), "*--image-size must be one of 32, 64; got 48*");
        ShouldBeOneLineUsageError(Run("train", "--data-folder", images.Path, "--channels", "2"), "*--channels must be one of 1, 3; got 2*");
        ShouldBeOneLineUsageError(Run("train", "--data-folder", images.Combine("nowhere")), "*--data-folder*nowhere*does not exist*");
    }

    [Fact]
    public void Compare_runs_one_at_a_time_unless_told_otherwise()
    {
        using var folder = new TempDirectory();
        Run("compare", "--seeds", "1,2", "--out", folder.Path).Runner.Received.Should().BeOfType<CompareCommandSettings>().Which.Parallel.Should().Be(1);
        Run("compare", "--seeds", "1,2", "--out", folder.Path, "--parallel", "4").Runner.Received.Should().BeOfType<CompareCommandSettings>().Which.Parallel.Should().Be(4);
        ShouldBeOneLineUsageError(Run("compare", "--out", folder.Path, "--parallel", "0"), "error: --parallel*");
    }

    [Theory]
    [InlineData(false, null, null, false)]
    [InlineData(true, 3, "/data/mnist", false)]
    [InlineData(false, null, null, true)]
    public void A_parallel_child_gets_a_train_command_that_repeats_the_run(bool resume, int? maxBatches, string? data, bool conditional)
    {
        using var folder = new TempDirectory();
        var training = new TrainingSettings(Epochs: 7, BatchSize: 64, LearningRate: 2.5e-4, MaxBatches: maxBatches, Device: "cpu", DataDirectory: data, EvalSamples: 1234);
        var run = new GanKit.Samples.Dcgan.Runs.FinishedRun("modified", 3, folder.Path, conditional);

        var (code, error, runner) = Run([.. GanKit.Samples.Dcgan.Runs.ParallelRuns.TrainArguments(run, resume, training)]);

        code.Should().Be(0, error);
        runner.Received.Should().Be(new TrainSettings("modified", 3, folder.Path, resume, training, Conditional: conditional));
    }

    [Fact]
    public void Conditional_training_and_comparison_are_flags_and_default_to_off()
    {
        using var folder = new TempDirectory();

        Run("train", "--conditional", "--arch", "modified", "--out", folder.Path).Runner.Received.Should().BeOfType<TrainSettings>()
            .Which.Should().Match<TrainSettings>(s => s.Conditional && s.Arch == "modified");
        Run("train", "--out", folder.Path).Runner.Received.Should().BeOfType<TrainSettings>().Which.Conditional.Should().BeFalse();
        Run("compare", "--conditional", "--seeds", "1", "--out", folder.Path).Runner.Received.Should().BeOfType<CompareCommandSettings>().Which.Conditional.Should().BeTrue();
        Run("compare", "--seeds", "1", "--out", folder.Path).Runner.Received.Should().BeOfType<CompareCommandSettings>().Which.Conditional.Should().BeFalse();
    }

    [Fact]
    public void Conditional_training_on_a_data_folder_is_refused()
    {
        using var images = new TempDirectory();
        ShouldBeOneLineUsageError(Run("train", "--conditional", "--data-folder", images.Path), "error: --conditional trains MNIST's conditional presets*cannot be combined with --data-folder.");
    }

    [Fact]
    public void Generate_reads_the_digits_in_order_and_leaves_count_unset_when_not_given()
    {
        using var folder = new TempDirectory();

        var settings = Run("generate", "--checkpoint", folder.Path, "--digit", "3, 7").Runner.Received.Should().BeOfType<GenerateSettings>().Subject;
        settings.Digits.Should().Equal(3, 7);
        settings.Count.Should().BeNull("the runner picks the default, which differs for conditional runs");

        var plain = Run("generate", "--checkpoint", folder.Path, "--count", "16").Runner.Received.Should().BeOfType<GenerateSettings>().Subject;
        plain.Digits.Should().BeNull();
        plain.Count.Should().Be(16);
    }

    [Theory]
    [InlineData("12", "error: --digit takes digits 0 to 9, separated by commas; got '12'.")]
    [InlineData("-1", "error: --digit takes digits 0 to 9, separated by commas; got '-1'.")]
    [InlineData("3,x", "error: --digit takes digits 0 to 9, separated by commas; got 'x'.")]
    [InlineData("7,7", "error: --digit lists 7 twice; each digit is one row of the grid.")]
    public void Bad_digits_are_one_line_usage_errors(string digits, string expected)
    {
        using var folder = new TempDirectory();
        ShouldBeOneLineUsageError(Run("generate", "--checkpoint", folder.Path, "--digit", digits), expected);
    }

    [Fact]
    public void Compare_parses_the_seed_list()
    {
        using var folder = new TempDirectory();
        var (code, _, runner) = Run("compare", "--epochs", "2", "--seeds", "4, 5,6", "--out", folder.Path);

        code.Should().Be(0);
        var settings = runner.Received.Should().BeOfType<CompareCommandSettings>().Subject;
        settings.Seeds.Should().Equal(4, 5, 6);
        settings.Training.Epochs.Should().Be(2);
    }

    [Fact]
    public void Unknown_architecture_is_a_one_line_usage_error() =>
        ShouldBeOneLineUsageError(Run("train", "--arch", "resnet"), "error: --arch must be one of original, modified; got 'resnet'.");

    [Theory]
    [InlineData("--epochs", "-1", "error: --epochs must be a positive whole number; got -1.")]
    [InlineData("--epochs", "0", "error: --epochs must be a positive whole number; got 0.")]
    [InlineData("--batch-size", "0", "error: --batch-size must be a positive whole number; got 0.")]
    [InlineData("--lr", "-0.1", "error: --lr must be a positive number; got -0.1.")]
    [InlineData("--max-batches", "0", "error: --max-batches must be a positive whole number; got 0.")]
    [InlineData("--epochs", "many", "error: *many*")]
    [InlineData("--device", "tpu", "error: --device must be one of cpu, cuda; got 'tpu'.")]
    [InlineData("--eval-samples", "1", "error: --eval-samples must be at least 10 *; got 1.")]
    [InlineData("--data", "", "error: --data must name a folder; got ''.*")]
    public void Bad_training_values_are_one_line_usage_errors(string option, string value, string expected) =>
        ShouldBeOneLineUsageError(Run("train", option, value), expected);

    [Theory]
    [InlineData("1,x", "error: --seeds must be whole numbers separated by commas; 'x' is not one.")]
    [InlineData("1,1", "error: --seeds lists 1 twice; each seed is one run.")]
    public void Bad_seed_lists_are_one_line_usage_errors(string seeds, string expected) =>
        ShouldBeOneLineUsageError(Run("compare", "--seeds", seeds), expected);

    [Fact]
    public void A_grid_of_more_than_ten_thousand_digits_is_refused_before_loading_anything() =>
        ShouldBeOneLineUsageError(Run("generate", "--checkpoint", "/nonexistent/run", "--count", "1000000000"), "error: --count must be a whole number from 1 to 10000; got 1000000000.");

    [Fact]
    public void Missing_checkpoint_is_a_one_line_usage_error()
    {
        ShouldBeOneLineUsageError(Run("evaluate", "--checkpoint", "/nonexistent/run"), "error: --checkpoint '/nonexistent/run' does not exist.");
        ShouldBeOneLineUsageError(Run("generate", "--checkpoint", "/nonexistent/run"), "error: --checkpoint '/nonexistent/run' does not exist.");
    }

    [Fact]
    public void Evaluate_without_checkpoint_option_is_a_usage_error() =>
        ShouldBeOneLineUsageError(Run("evaluate"), "error: *--checkpoint*");

    [Fact]
    public void Unwritable_output_folder_is_a_one_line_usage_error()
    {
        using var folder = new TempDirectory();
        // A folder below a regular file cannot be created, even by root.
        string file = folder.Combine("not-a-folder");
        File.WriteAllText(file, "x");

        ShouldBeOneLineUsageError(Run("train", "--out", Path.Combine(file, "run")), $"error: --out folder '{Path.Combine(file, "run")}' cannot be written: *");
        ShouldBeOneLineUsageError(Run("compare", "--out", Path.Combine(file, "cmp")), "error: --out folder * cannot be written: *");
    }

    [Fact]
    public void Generate_needs_a_file_not_a_folder_for_out()
    {
        using var folder = new TempDirectory();

        ShouldBeOneLineUsageError(Run("generate", "--checkpoint", folder.Path, "--out", folder.Path), "error: --out * is a folder*");
    }

    [Fact]
    public void No_command_names_the_commands() =>
        ShouldBeOneLineUsageError(Run(), "error: give a command: train, compare, evaluate, generate (--help lists their options).");

    [Fact]
    public void Unknown_command_is_a_usage_error() =>
        ShouldBeOneLineUsageError(Run("fly"), "error: *fly*");
}
