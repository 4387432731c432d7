using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using GanKit.Training.Callbacks;
using GanKit.Checkpoints;
using TorchSharp;

namespace GanKit.Tests.Training;

// Runs alone: training draws from torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class TrainingCallbackTests
{
    private static TrainingHistory Train(AdversarialTrainerOptions options, out List<TrainingEpochEventArgs> epochs, out GanKit.Networks.GeneratorNetwork generator, int generatorSeed = 1, int discriminatorSeed = 2)
    {
        generator = TinyGan.Generator(generatorSeed);
        using var discriminator = TinyGan.Discriminator(discriminatorSeed);
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        var events = new List<TrainingEpochEventArgs>();
        trainer.EpochCompleted += (_, e) => events.Add(e);
        var history = trainer.Fit(data);
        epochs = events;
        return history;
    }

    [Fact]
    public void A_custom_callback_sees_every_hook_in_order_alongside_the_built_in_ones()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        var recorder = new RecordingCallback();
        var callbacks = TrainingCallbacks.Defaults();
        callbacks.Add(recorder);
        options.Callbacks = callbacks;

        Train(options, out var epochs, out var generator);
        generator.Dispose();

        recorder.Calls.Should().Equal(
            new[] { "start:0" }
                .Concat(Enumerable.Range(1, 5).Select(s => $"step:{s}")).Append("checkpoint:1").Append("epoch:1:png:checkpoint")
                .Concat(Enumerable.Range(6, 5).Select(s => $"step:{s}")).Append("checkpoint:2").Append("epoch:2:png:checkpoint")
                .Append("end:2:completed"));
        epochs.Should().OnlyContain(e => e.SamplePath != null && e.CheckpointDirectory != null);
    }

    [Fact]
    public void Without_callbacks_a_run_writes_no_samples_history_files_or_checkpoints()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Callbacks = [];

        var history = Train(options, out var epochs, out var generator);
        generator.Dispose();

        history.Rows.Should().HaveCount(2);
        // Only the run-folder lock, which keeps a second trainer out whatever the callbacks write.
        Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Should().Equal(GanKit.Checkpoints.RunFolderLock.LockFileName);
        epochs.Should().OnlyContain(e => e.SamplePath == null && e.CheckpointDirectory == null);
    }

    [Fact]
    public void A_built_in_callback_can_be_left_out_and_the_others_still_run()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Callbacks = TrainingCallbacks.Defaults().Where(c => c is not SampleGridCallback and not ProgressGifCallback).ToList();

        Train(options, out _, out var generator);
        generator.Dispose();

        Directory.Exists(Path.Combine(dir.Path, AdversarialTrainer.SamplesFolderName)).Should().BeFalse();
        File.Exists(Path.Combine(dir.Path, AdversarialTrainer.MetricsFileName)).Should().BeTrue();
        Directory.GetDirectories(Path.Combine(dir.Path, AdversarialTrainer.CheckpointsFolderName)).Should().HaveCount(2);
    }

    [Fact]
    public void Checkpoints_every_n_steps_and_a_run_killed_after_one_resumes_bit_identically()
    {
        using var straightDir = new TempDirectory();
        using var killedDir = new TempDirectory();
        AdversarialTrainerOptions Options(string directory)
        {
            var options = TinyGan.Options(directory);
            options.CheckpointEverySteps = 3;
            options.KeepCheckpoints = 10;
            return options;
        }

        var straight = Train(Options(straightDir.Path), out _, out var straightGenerator);
        Directory.GetDirectories(Path.Combine(straightDir.Path, "checkpoints")).Select(Path.GetFileName).Order().Should().Equal(
            "epoch-0000-step-00000003", "epoch-0001-step-00000005", "epoch-0001-step-00000006", "epoch-0001-step-00000009", "epoch-0002-step-00000010");

        // A run killed after step 7 leaves the checkpoints up to step 6 behind.
        Train(Options(killedDir.Path), out _, out var firstLeg);
        firstLeg.Dispose();
        string checkpoints = Path.Combine(killedDir.Path, "checkpoints");
        foreach (string later in new[] { "epoch-0001-step-00000009", "epoch-0002-step-00000010" })
        {
            Directory.Delete(Path.Combine(checkpoints, later), recursive: true);
        }

        new CheckpointStore(checkpoints).FindLatestValid()!.Step.Should().Be(6);
        var resumedOptions = Options(killedDir.Path);
        resumedOptions.Resume = true;
        var resumed = Train(resumedOptions, out _, out var resumedGenerator, generatorSeed: 100, discriminatorSeed: 101);

        TinyGan.ShouldBeIdentical(resumedGenerator, straightGenerator);
        resumed.Rows.Select(r => (r.Epoch, r.Step, r.DiscriminatorLoss, r.GeneratorLoss, r.RealScore, r.FakeScore))
            .Should().Equal(straight.Rows.Select(r => (r.Epoch, r.Step, r.DiscriminatorLoss, r.GeneratorLoss, r.RealScore, r.FakeScore)));
        straightGenerator.Dispose();
        resumedGenerator.Dispose();
    }

    [Fact]
    public void Save_checkpoint_outside_fit_is_refused()
    {
        using var dir = new TempDirectory();
        using var generator = TinyGan.Generator();
        using var discriminator = TinyGan.Discriminator();
        using var trainer = new AdversarialTrainer(generator, discriminator, TinyGan.Options(dir.Path));

        FluentActions.Invoking(() => trainer.SaveCheckpoint()).Should().Throw<InvalidOperationException>().WithMessage("*while Fit runs*");
    }

    private sealed class RecordingCallback : ITrainingCallback
    {
        public List<string> Calls { get; } = new();

        public void OnRunStart(AdversarialTrainer trainer, TrainingHistory history) => Calls.Add($"start:{history.Rows.Count}");

        public void OnStepEnd(AdversarialTrainer trainer, TrainingStepEventArgs step) => Calls.Add($"step:{step.Step}");

        // Runs after the built-in checkpoint callback, so the epoch's files are already recorded.
        public void OnEpochEnd(AdversarialTrainer trainer, EpochEnd epoch) =>
            Calls.Add($"epoch:{epoch.Row.Epoch}:{(epoch.SamplePath is null ? "-" : "png")}:{(epoch.CheckpointDirectory is null ? "-" : "checkpoint")}");

        public void OnCheckpointSaved(AdversarialTrainer trainer, CheckpointInfo checkpoint) => Calls.Add($"checkpoint:{checkpoint.Epoch}");

        public void OnRunEnd(AdversarialTrainer trainer, RunEnd end) => Calls.Add($"end:{end.History.Rows.Count}:{(end.Cancelled ? "cancelled" : "completed")}");
    }
}
