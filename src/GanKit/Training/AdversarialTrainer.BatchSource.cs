using GanKit.Data;

namespace GanKit.Training;

public sealed partial class AdversarialTrainer
{
    /// <summary>
    /// Trains on the batches <paramref name="source"/> yields, for example a folder streamed from
    /// disk (<see cref="ImageFolderDataset.CreateBatchSource"/>), until
    /// <see cref="AdversarialTrainerOptions.Epochs"/> epochs are done; otherwise as
    /// <see cref="Fit(IImageDataset, IProgress{TrainingProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="source">The real images; asked for one epoch at a time on the training device. The caller keeps ownership.</param>
    /// <param name="progress">Receives a report every <see cref="AdversarialTrainerOptions.LogEvery"/> steps and at each epoch's end.</param>
    /// <param name="cancellationToken">Stops training at the next step boundary, after writing a checkpoint; a streaming source's threads have ended when the exception arrives.</param>
    /// <returns>The history of every epoch of the run, including those done before a resume.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">The source's image shape is not the discriminator's input shape, or it is empty, or the networks are conditional and it carries no labels of their classes.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested; a checkpoint of the last completed step was written first.</exception>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite; no checkpoint is written after it.</exception>
    /// <exception cref="InvalidDataException">A streamed image could not be decoded; the message names the file. The last epoch-end checkpoint stands.</exception>
    /// <exception cref="InvalidOperationException"><see cref="AdversarialTrainerOptions.Resume"/> is off and the output folder already holds checkpoints of another run.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    /// <exception cref="Checkpoints.RunFolderInUseException">Another live process is training into the same output folder.</exception>
    /// <exception cref="ResumeMismatchException"><see cref="AdversarialTrainerOptions.Resume"/> is on and an option that cannot change mid-run differs from the checkpoint's; nothing was loaded.</exception>
    /// <exception cref="CheckpointLoadException"><see cref="AdversarialTrainerOptions.Resume"/> is on and no valid checkpoint loads into these networks (the error names the newest one's file).</exception>
    /// <exception cref="IOException">An output file could not be written.</exception>
    public TrainingHistory Fit(IBatchSource source, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!source.ImageShape.SequenceEqual(_discriminator.InputShape))
        {
            throw new ArgumentException($"The source's images have shape [{string.Join(", ", source.ImageShape)}] but the discriminator expects [{string.Join(", ", _discriminator.InputShape)}].", nameof(source));
        }

        if (source.Count == 0)
        {
            throw new ArgumentException("The source holds no images.", nameof(source));
        }

        if (ClassCount is { } classes)
        {
            var labelled = source as ILabelledBatchSource
                ?? throw new ArgumentException($"The networks are conditioned on {classes} classes, but the source ({source.GetType().Name}) carries no labels; use an ILabelledBatchSource such as LabelledBatchSource or an image folder's CreateBatchSource().", nameof(source));
            CheckLabelledSource(labelled, classes, nameof(source));
        }

        return FitBatches(source, progress, cancellationToken);
    }
}
