using GanKit.Imaging;

namespace GanKit.Training.Callbacks;

/// <summary>Writes <c>samples/progress.gif</c> from every epoch's sample grid when the run completes (not when it is cancelled).</summary>
public sealed class ProgressGifCallback : ITrainingCallback
{
    /// <inheritdoc />
    public void OnRunEnd(AdversarialTrainer trainer, RunEnd end)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(end);
        if (end.Cancelled)
        {
            return;
        }

        var options = trainer.Options;
        var frames = Enumerable.Range(1, options.Epochs)
            .Select(e => SampleGridCallback.PathOf(options.OutputDirectory, e))
            .Where(File.Exists)
            .ToList();
        if (frames.Count > 0)
        {
            AnimatedGif.Save(frames, Path.Combine(options.OutputDirectory, AdversarialTrainer.SamplesFolderName, AdversarialTrainer.ProgressGifFileName), lastFrameDelay: 200);
        }
    }
}
