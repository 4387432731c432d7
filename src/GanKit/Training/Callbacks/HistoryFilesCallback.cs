namespace GanKit.Training.Callbacks;

/// <summary>Writes <c>metrics.csv</c> and <c>history.json</c> in the output folder after each epoch.</summary>
public sealed class HistoryFilesCallback : ITrainingCallback
{
    /// <inheritdoc />
    public void OnEpochEnd(AdversarialTrainer trainer, EpochEnd epoch)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(epoch);
        string folder = trainer.Options.OutputDirectory;
        epoch.History.WriteCsv(Path.Combine(folder, AdversarialTrainer.MetricsFileName));
        epoch.History.WriteJson(Path.Combine(folder, AdversarialTrainer.HistoryFileName));
    }
}
