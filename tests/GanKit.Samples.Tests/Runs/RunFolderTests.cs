using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.Runs;
using GanKit.TestSupport;

namespace GanKit.Samples.Tests.Runs;

public class RunFolderTests
{
    private static readonly RunInfo Info = new("modified", Seed: 3, Epochs: 2, BatchSize: 64, LearningRate: 1e-4, MaxBatches: 5);

    [Fact]
    public void Run_info_round_trips_and_is_found_from_below_the_run_folder()
    {
        using var run = new TempDirectory();
        Info.Save(run.Path);
        string checkpoint = Directory.CreateDirectory(Path.Combine(run.Path, "checkpoints", "epoch-0002-step-00000010")).FullName;

        RunInfo.FindRunFolder(checkpoint).Should().Be(run.Path);
        RunInfo.FindRunFolder(Path.Combine(run.Path, "checkpoints")).Should().Be(run.Path);
        RunInfo.Load(run.Path).Should().Be(Info);
        File.ReadAllText(Path.Combine(run.Path, RunInfo.FileName)).Should().Contain("\"batch_size\": 64");
    }

    [Fact]
    public void A_run_json_written_before_conditional_runs_reads_as_unconditional()
    {
        using var run = new TempDirectory();
        File.WriteAllText(Path.Combine(run.Path, RunInfo.FileName), """
            { "arch": "original", "seed": 2, "epochs": 50, "batch_size": 256, "learning_rate": 0.0001, "max_batches": null }
            """);

        RunInfo.Load(run.Path).Should().Be(new RunInfo("original", 2, 50, 256, 1e-4, null, Conditional: false));
        (Info with { Conditional = true }).Save(run.Path);
        RunInfo.Load(run.Path).Conditional.Should().BeTrue();
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_a_usage_error()
    {
        using var folder = new TempDirectory();

        var act = () => RunInfo.FindRunFolder(folder.Path);

        act.Should().Throw<UsageException>().WithMessage("--checkpoint '*' is not a run folder written by train (no run.json*");
    }

    [Fact]
    public void An_unknown_architecture_in_run_json_is_a_usage_error()
    {
        using var run = new TempDirectory();
        (Info with { Arch = "resnet" }).Save(run.Path);

        var act = () => RunInfo.Load(run.Path);

        act.Should().Throw<UsageException>().WithMessage("*names architecture 'resnet'*");
    }

    [Fact]
    public void Resume_needs_a_checkpoint_and_a_fresh_start_needs_an_empty_run()
    {
        using var run = new TempDirectory();

        var resume = () => TrainRun.CheckFolder(run.Path, "original", resume: true);
        var fresh = () => TrainRun.CheckFolder(run.Path, "original", resume: false);

        resume.Should().Throw<UsageException>().WithMessage("--resume: '*' holds no checkpoint to continue from.");
        fresh.Should().NotThrow();
    }

    [Fact]
    public void A_folder_without_a_valid_checkpoint_cannot_be_evaluated()
    {
        using var run = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(run.Path, "checkpoints"));

        var act = () => TrainedGenerator.FindCheckpoint(run.Path);

        act.Should().Throw<UsageException>().WithMessage("--checkpoint '*' holds no valid checkpoint*");
    }

    [Fact]
    public void Cuda_is_a_usage_error_where_libtorch_sees_no_gpu_and_the_gpu_where_it_does()
    {
        var act = () => TrainRun.ResolveDevice("cuda");

        // The default build references TorchSharp-cpu, so CUDA is unavailable; an external-libtorch
        // build on a GPU machine (scripts/gpu/run-offline.sh) gets the GPU.
        if (TorchSharp.torch.cuda.is_available())
        {
            act().type.Should().Be(TorchSharp.DeviceType.CUDA);
        }
        else
        {
            act.Should().Throw<UsageException>().WithMessage("--device cuda: CUDA is not available here*");
        }
    }
}
