namespace GanKit.Data;

// Batches: the choice between decoding everything once and streaming from disk.
public sealed partial class ImageFolderDataset
{
    /// <summary>
    /// Makes the batch source the trainer's <c>Fit</c> takes: in memory when asked, or automatically
    /// when <see cref="DecodedBytes"/> fits within <see cref="BatchSourceOptions.MemoryLimitBytes"/>;
    /// streamed from disk otherwise.
    /// </summary>
    /// <remarks>
    /// Both kinds carry the folder's labels (<see cref="ILabelledBatchSource"/>), so either also
    /// trains a conditional pair on the folder's classes (subfolder = class).
    /// </remarks>
    /// <param name="options">Mode, memory limit, threads and prefetch depth; null for the defaults.</param>
    /// <returns>A source the caller disposes (before this dataset). Either kind yields the same batches for the same seed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidDataException">In memory: a file can no longer be decoded; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public ILabelledBatchSource CreateBatchSource(BatchSourceOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var settings = (options ?? new BatchSourceOptions()).Clone();
        settings.Validate();
        var mode = settings.Mode == BatchSourceMode.Automatic
            ? (DecodedBytes <= settings.MemoryLimitBytes ? BatchSourceMode.InMemory : BatchSourceMode.Streaming)
            : settings.Mode;
        Log.BatchSourceChosen(Logger, Folder, mode, DecodedBytes, settings.MemoryLimitBytes);
        return mode == BatchSourceMode.InMemory
            ? new LabelledBatchSource(ToTensorDataset(), this, ownsImages: true)
            : new StreamingBatchSource(this, settings);
    }
}
