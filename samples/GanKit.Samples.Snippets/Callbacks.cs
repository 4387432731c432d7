using GanKit.Training;
using GanKit.Training.Callbacks;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Callbacks".</summary>
internal sealed class PrintEveryEpoch : ITrainingCallback
{
    public void OnEpochEnd(AdversarialTrainer trainer, EpochEnd epoch) =>
        Console.WriteLine($"epoch {epoch.Row.Epoch}: D(x) {epoch.Row.RealScore:F3}, D(G(z)) {epoch.Row.FakeScore:F3}, grid {epoch.SamplePath}");
}

/// <summary>README, "Callbacks": choosing the run's callbacks.</summary>
internal static class CallbackOptions
{
    public static AdversarialTrainerOptions Options() => new()
    {
        // The built-in ones minus the GIF, with a checkpoint every 200 steps, plus one of your own.
        Callbacks = [
            new SampleGridCallback(),
            new HistoryFilesCallback(),
            new CheckpointCallback(everySteps: 200),
            new PrintEveryEpoch(),
        ],
    };
}
