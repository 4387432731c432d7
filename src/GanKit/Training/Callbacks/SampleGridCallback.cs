using GanKit.Imaging;

namespace GanKit.Training.Callbacks;

/// <summary>
/// Writes <c>samples/epoch-NNNN.png</c> after each epoch: a grid of the images the generator makes
/// from the run's fixed noise (<see cref="AdversarialTrainer.SampleNoise"/>), with the moving
/// average when one is kept.
/// </summary>
public sealed class SampleGridCallback : ITrainingCallback
{
    /// <summary>The sample grid's path for <paramref name="epoch"/> under <paramref name="outputDirectory"/>.</summary>
    /// <param name="outputDirectory">The run's output folder.</param>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <returns>The path.</returns>
    public static string PathOf(string outputDirectory, int epoch) =>
        Path.Combine(outputDirectory, AdversarialTrainer.SamplesFolderName, FormattableString.Invariant($"epoch-{epoch:D4}.png"));

    /// <inheritdoc />
    public void OnEpochEnd(AdversarialTrainer trainer, EpochEnd epoch)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(epoch);
        var options = trainer.Options;
        string path = PathOf(options.OutputDirectory, epoch.Row.Epoch);
        using var images = trainer.GenerateFrom(trainer.SampleNoise, trainer.SampleLabels);

        // A conditional grid: one row per class, one column per fixed noise vector.
        int columns = trainer.ClassCount is null ? (int)Math.Ceiling(Math.Sqrt(options.SampleCount)) : options.SamplesPerClass;
        ImageGrid.SavePng(images, path, columns: columns);
        epoch.SamplePath = path;
    }
}
