using System.Globalization;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Imaging;
using GanKit.Training;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>
/// Turns a trainer's events into the run's display and <c>losses.csv</c> without ever reading a
/// tensor: the step counter moves the display every step, while losses come from the trainer's
/// own progress reports (every <see cref="AdversarialTrainerOptions.LogEvery"/> steps and at each
/// epoch's end), which the trainer reads back from the device anyway. A GPU step therefore never
/// waits on the host because of the sample.
/// </summary>
internal sealed class RunProgressAdapter(IRunProgress display, LossLog log, int epochs, long totalSteps) : IProgress<TrainingProgress>
{
    private double _discriminatorLoss = double.NaN;
    private double _generatorLoss = double.NaN;

    /// <summary>Subscribes to <paramref name="trainer"/>'s step and epoch events.</summary>
    public void Attach(AdversarialTrainer trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        trainer.StepCompleted += (_, e) => OnStep(e.Epoch, e.Step);
        trainer.EpochCompleted += (_, e) => OnEpoch(e.Row);
    }

    /// <summary>Moves the display to <paramref name="step"/>, showing the losses of the latest report (NaN before the first).</summary>
    public void OnStep(int epoch, long step) =>
        display.Report(new ProgressSnapshot(epoch, epochs, step, totalSteps, _discriminatorLoss, _generatorLoss));

    /// <summary>Records the mean losses since the previous report as one point of the loss curve.</summary>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _discriminatorLoss = value.DiscriminatorLoss;
        _generatorLoss = value.GeneratorLoss;
        log.Add(new LossPoint(value.Step, value.DiscriminatorLoss, value.GeneratorLoss));
        display.Report(new ProgressSnapshot(value.Epoch, epochs, value.Step, totalSteps, _discriminatorLoss, _generatorLoss));
    }

    /// <summary>Prints the epoch's line.</summary>
    public void OnEpoch(TrainingHistoryRow r) =>
        display.Note(string.Create(CultureInfo.InvariantCulture,
            $"epoch {r.Epoch}/{epochs}: D {r.DiscriminatorLoss:F4}  G {r.GeneratorLoss:F4}  D(x) {r.RealScore:F3}  D(G(z)) {r.FakeScore:F3}  {r.Seconds:F1} s  {r.ImagesPerSecond:F0} images/s"));
}
