using GanKit.Data;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Runs;
using GanKit.TestSupport;
using GanKit.Training;
using TorchSharp;

namespace GanKit.Samples.Tests.Runs;

public class RunProgressAdapterTests
{
    private sealed class RecordingRun : IRunProgress
    {
        public List<ProgressSnapshot> Snapshots { get; } = [];

        public List<string> Notes { get; } = [];

        public void Report(ProgressSnapshot snapshot) => Snapshots.Add(snapshot);

        public void Note(string message) => Notes.Add(message);
    }

    [Fact]
    public void Steps_move_the_display_and_only_reports_carry_losses()
    {
        using var folder = new TempDirectory();
        var display = new RecordingRun();
        var log = LossLog.Open(folder.Path, keepExisting: false);
        var adapter = new RunProgressAdapter(display, log, epochs: 2, totalSteps: 10);

        adapter.OnStep(1, 1);
        adapter.OnStep(1, 2);
        adapter.Report(new TrainingProgress(1, 2, 2, 2, 5, 0.75, 1.5, 0.6, 0.4, 100, IsEpochEnd: false));
        adapter.OnStep(1, 3);

        display.Snapshots.Select(s => s.Step).Should().Equal(1, 2, 2, 3);
        display.Snapshots.Take(2).Should().OnlyContain(s => double.IsNaN(s.DiscriminatorLoss) && double.IsNaN(s.GeneratorLoss), "no loss is known before the trainer's first report");
        display.Snapshots[2].Should().Be(new ProgressSnapshot(1, 2, 2, 10, 0.75, 1.5));
        display.Snapshots[3].Should().Be(new ProgressSnapshot(1, 2, 3, 10, 0.75, 1.5), "a step shows the latest reported means");
        log.Points.Should().ContainSingle().Which.Should().Be(new Dcgan.Imaging.LossPoint(2, 0.75, 1.5));
    }

    [Fact]
    public void A_real_training_run_logs_a_point_per_report_and_shows_every_step()
    {
        using var folder = new TempDirectory();
        var display = new RecordingRun();
        var log = LossLog.Open(folder.Path, keepExisting: false);
        torch.manual_seed(1);
        var generator = new GeneratorBuilder(8).Dense(16).LeakyReLU().Dense(64).Tanh().Reshape(1, 8, 8).Build();
        var discriminator = new DiscriminatorBuilder(1, 8, 8).Flatten().Dense(8).LeakyReLU().Dense(1).Build();
        using var data = new TensorImageDataset(torch.rand(40, 1, 8, 8).mul(2).sub(1));
        var options = new AdversarialTrainerOptions
        {
            Epochs = 2,
            BatchSize = 8,
            Seed = 3,
            LogEvery = 2,
            Device = torch.CPU,
            OutputDirectory = Path.Combine(folder.Path, "run"),
            SampleCount = 4,
        };
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        var adapter = new RunProgressAdapter(display, log, options.Epochs, totalSteps: 10);
        adapter.Attach(trainer);

        var history = trainer.Fit(data, adapter);

        // Five batches an epoch: a report at every second step of the run inside an epoch, and
        // one at each epoch's end.
        log.Points.Select(p => p.X).Should().Equal(2, 4, 5, 6, 8, 10);
        log.Points.Should().OnlyContain(p => double.IsFinite(p.DiscriminatorLoss) && double.IsFinite(p.GeneratorLoss));
        display.Snapshots.Select(s => s.Step).Distinct().Should().Equal(Enumerable.Range(1, 10).Select(i => (long)i));
        display.Snapshots[^1].DiscriminatorLoss.Should().Be(log.Points[^1].DiscriminatorLoss);
        display.Notes.Should().HaveCount(2).And.Subject.Last().Should().StartWith($"epoch 2/2: D {history.Rows[^1].DiscriminatorLoss.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
