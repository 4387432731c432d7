using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.Sweeps;
using GanKit.Sweeps;
using GanKit.TestSupport;

namespace GanKit.Samples.Tests.Sweeps;

public class SweepCommandTests
{
    private const string Good = """
        { "architectures": ["original", "modified"], "seeds": [1, 2], "epochs": 2, "maxBatchesPerEpoch": 3,
          "grid": { "generatorLearningRate": [0.0002, 0.0001], "loss": ["hinge"] } }
        """;

    private sealed class RecordingHost : ISweepHost
    {
        public object? Received { get; private set; }

        public int Run(SweepRunSettings settings, CancellationToken cancellationToken)
        {
            Received = settings;
            return 0;
        }

        public int Report(SweepReportSettings settings)
        {
            Received = settings;
            return 0;
        }
    }

    private sealed class UnusedRunner : ISampleRunner
    {
        public int Train(TrainSettings settings, CancellationToken cancellationToken) => throw new InvalidOperationException("train must not run");

        public int Compare(CompareCommandSettings settings, CancellationToken cancellationToken) => throw new InvalidOperationException("compare must not run");

        public int Evaluate(EvaluateSettings settings, CancellationToken cancellationToken) => throw new InvalidOperationException("evaluate must not run");

        public int Generate(GenerateSettings settings, CancellationToken cancellationToken) => throw new InvalidOperationException("generate must not run");
    }

    private static (int Code, string Error, RecordingHost Host) Run(params string[] args)
    {
        var host = new RecordingHost();
        var error = new StringWriter();
        int code = DcganCli.Run(args, new UnusedRunner(), new StringWriter(), error, host);
        return (code, error.ToString(), host);
    }

    private static void ShouldBeOneLineUsageError((int Code, string Error, RecordingHost Host) result, string expected)
    {
        result.Code.Should().Be(ExitCodes.Usage);
        result.Error.TrimEnd('\n', '\r').Should().NotContain("\n").And.StartWith("error: ").And.Match(expected);
        result.Host.Received.Should().BeNull("nothing runs after a bad sweep file");
    }

    [Fact]
    public void Run_hands_the_expanded_plan_and_shard_to_the_host()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("sweep.json"), Good);

        var (code, _, host) = Run("sweep", "run", folder.Combine("sweep.json"), "--out", folder.Combine("out"), "--shard", "1/3", "--lease-minutes", "2", "--retry-failed");

        code.Should().Be(0);
        var settings = host.Received.Should().BeOfType<SweepRunSettings>().Subject;
        settings.Plan.Runs.Should().HaveCount(8);
        settings.Plan.Runs[0]["loss"].AsString().Should().Be("Hinge");
        settings.Shard.Should().Be(new SweepShard(1, 3));
        settings.Output.Should().Be(folder.Combine("out"));
        settings.Lease.Should().Be(TimeSpan.FromMinutes(2));
        settings.RetryFailed.Should().BeTrue();
        settings.Wait.Should().BeTrue();
        settings.Steal.Should().BeTrue();
        settings.Device.Should().Be("cpu");
    }

    [Theory]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "learningRate": 0.1 }""", "error: *sweep.json: $.learningRate: unknown key 'learningRate'*")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": {} }""", "error: *sweep.json: $.grid: the grid is empty*")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "loss": [] } }""", "error: *sweep.json: $.grid.loss: the list of values for 'loss' is empty*")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": -1 }""", "error: *sweep.json: $.epochs: 'epochs' must be at least 1, got -1")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 3000000000 }""", "error: *sweep.json: $.epochs: 'epochs' must be at most 2147483647, got 3000000000")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "updateScheme": ["Sideways"] } }""", "error: *$.grid.updateScheme[0]: 'Sideways' is not a valid 'updateScheme'; expected one of: Simultaneous, Alternating*")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "fixed": { "emaDecay": 1.5 } }""", "error: *$.fixed.emaDecay: 'emaDecay' must be below 1, got 1.5")]
    [InlineData("""{ "architectures": ["original"], "seeds": [-4], "epochs": 1 }""", "error: *$.seeds: the seed -4 is outside*")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1 """, "error: *sweep.json: line *not valid JSON*")]
    public void Bad_sweep_files_give_one_line_and_exit_code_2(string json, string expected)
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("sweep.json"), json);

        ShouldBeOneLineUsageError(Run("sweep", "run", folder.Combine("sweep.json"), "--out", folder.Combine("out")), expected);
    }

    [Fact]
    public void A_sweep_above_the_run_limit_is_a_usage_error_naming_its_size()
    {
        using var folder = new TempDirectory();
        string rates = string.Join(", ", Enumerable.Range(1, 2000).Select(i => $"{i}e-6"));
        string batches = string.Join(", ", Enumerable.Range(1, 2000));
        File.WriteAllText(folder.Combine("sweep.json"), $$"""{ "architectures": ["original", "modified"], "seeds": [1], "epochs": 1, "grid": { "generatorLearningRate": [{{rates}}], "batchSize": [{{batches}}] } }""");

        ShouldBeOneLineUsageError(Run("sweep", "run", folder.Combine("sweep.json"), "--out", folder.Combine("out")), "error: *sweep.json: $: the sweep has 8000000 runs (2 architecture x 2000 generatorLearningRate x 2000 batchSize x 1 seeds), more than the limit of 100000 runs per sweep*");
        Directory.Exists(folder.Combine("out")).Should().BeFalse("nothing is written for a refused plan");
    }

    [Theory]
    [InlineData("--lease-minutes", "400000", "error: --lease-minutes must be a whole number from 1 to 1440; got 400000.")]
    [InlineData("--lease-minutes", "0", "error: --lease-minutes must be a whole number from 1 to 1440; got 0.")]
    [InlineData("--shard-count", "0", "error: --shard-count must be a positive whole number; got 0.")]
    public void Sweep_flags_are_checked_before_any_run_is_claimed(string flag, string value, string expected)
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("sweep.json"), Good);

        ShouldBeOneLineUsageError(Run("sweep", "run", folder.Combine("sweep.json"), "--out", folder.Combine("out"), flag, value), expected);
        Directory.Exists(folder.Combine("out")).Should().BeFalse("no claim, not even a folder, is made before the flags are checked");
    }

    [Fact]
    public void No_steal_keeps_the_worker_to_its_shard()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("sweep.json"), Good);

        var (code, _, host) = Run("sweep", "run", folder.Combine("sweep.json"), "--out", folder.Combine("out"), "--no-steal");

        code.Should().Be(0);
        host.Received.Should().BeOfType<SweepRunSettings>().Which.Steal.Should().BeFalse();
    }

    [Fact]
    public void A_missing_sweep_file_is_a_usage_error()
    {
        using var folder = new TempDirectory();

        ShouldBeOneLineUsageError(Run("sweep", "run", folder.Combine("absent.json"), "--out", folder.Combine("out")), "error: The sweep file *absent.json does not exist.");
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("one/two")]
    public void A_bad_shard_is_a_usage_error(string shard)
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("sweep.json"), Good);

        ShouldBeOneLineUsageError(Run("sweep", "run", folder.Combine("sweep.json"), "--out", folder.Combine("out"), "--shard", shard), $"error: --shard: '{shard}' is not a shard*");
    }

    [Fact]
    public void Report_of_a_folder_that_is_not_a_sweep_is_a_usage_error()
    {
        using var folder = new TempDirectory();

        ShouldBeOneLineUsageError(Run("sweep", "report", folder.Path), "error: * is not a sweep folder*");
        ShouldBeOneLineUsageError(Run("sweep", "report", folder.Path, "--rank-by", "beauty"), "error: --rank-by must be one of fid, kid, classifier_score, precision, recall; got 'beauty'.");
    }

    [Fact]
    public void Example_sweep_files_shipped_with_the_sample_are_valid()
    {
        string sweeps = Path.Combine(AppContext.BaseDirectory, "sweep-files");
        var files = Directory.GetFiles(sweeps, "*.json");

        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            SweepCommand.LoadPlan(file).Runs.Should().NotBeEmpty(file);
        }
    }

    [Fact]
    public void The_sweep_in_the_Kubernetes_manifest_is_valid_for_the_sample()
    {
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "GanKit.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        root.Should().NotBeNull("the tests run inside the repository");
        var lines = File.ReadAllLines(Path.Combine(root!, "deploy", "kubernetes", "sweep-job.yaml"));
        int start = Array.FindIndex(lines, l => l.Trim() == "sweep.json: |") + 1;
        start.Should().BePositive("the ConfigMap holds the sweep file under sweep.json");
        var block = lines.Skip(start).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) || l.Length == 0);

        var plan = SweepDefinition.Parse(string.Join('\n', block), DcganSweepSchema.Schema, "sweep-job.yaml").Expand();

        plan.Runs.Should().HaveCount(24);
    }
}
