using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// A batch source whose images carry integer class labels, for conditional training: each
/// batch's labels come from the same rows as its images, on the same device.
/// </summary>
/// <remarks>
/// <see cref="IBatchSource.Epoch"/> still yields the images alone, so the same source also trains
/// an unconditional pair. <see cref="LabelledBatchSource"/> is GanKit's in-memory one;
/// <see cref="ImageFolderDataset.CreateBatchSource"/> returns one for an in-memory folder.
/// </remarks>
public interface ILabelledBatchSource : IBatchSource
{
    /// <summary>Gets the number of classes; labels lie in <c>[0, ClassCount)</c>.</summary>
    int ClassCount { get; }

    /// <summary>Gets the number of images of each class, index = label; the trainer draws fake labels in these proportions when asked to.</summary>
    IReadOnlyList<long> ClassSizes { get; }

    /// <summary>Yields one epoch's batches with their labels, in the order and range <paramref name="plan"/> asks for, as <see cref="IBatchSource.Epoch"/> does.</summary>
    /// <param name="plan">Batch size, shuffle seed, range of batches and device.</param>
    /// <returns>Batches the caller disposes, each images <c>[B, ..ImageShape]</c> with int64 labels <c>[B]</c>.</returns>
    /// <exception cref="ArgumentException">The plan does not fit the source.</exception>
    IEnumerable<LabelledBatch> LabelledEpoch(EpochPlan plan);
}
