using GanKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Serves images and their labels from memory, shuffled per epoch as
/// <see cref="InMemoryBatchSource"/> does: both come from the same row indices, so a label always
/// travels with its image, through shuffling and through a resume that skips batches.
/// </summary>
/// <remarks>
/// The labels are checked once, when the source is made (type, length, range), and copied to the
/// training device once per device, never per step.
/// </remarks>
public sealed class LabelledBatchSource : ILabelledBatchSource
{
    private readonly InMemoryBatchSource _images;
    private readonly Tensor _labels;
    private readonly long[] _classSizes;
    private Tensor? _labelsOnDevice;

    /// <summary>Creates the source.</summary>
    /// <param name="images">The images.</param>
    /// <param name="labels">Their labels, row for row (for example the same <c>MnistDataset</c>, or the <see cref="ImageFolderDataset"/> the images were decoded from).</param>
    /// <param name="ownsImages">Whether disposing the source disposes <paramref name="images"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The counts differ, the labels are not int64 <c>[Count]</c>, or a label lies outside <c>[0, ClassCount)</c>; the message names the first such row.</exception>
    public LabelledBatchSource(IImageDataset images, ILabelledDataset labels, bool ownsImages = false)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        var tensor = labels.Labels;
        if (tensor.dtype != ScalarType.Int64 || tensor.dim() != 1 || tensor.shape[0] != images.Count)
        {
            throw new ArgumentException($"The labels must be int64 [{images.Count}], one per image; got {tensor.dtype} [{string.Join(", ", tensor.shape)}].", nameof(labels));
        }

        if (labels.ClassCount < 1)
        {
            throw new ArgumentException($"The labelled dataset has {labels.ClassCount} classes; it needs at least one.", nameof(labels));
        }

        using var cpu = tensor.cpu();
        var values = cpu.data<long>().ToArray();
        _classSizes = new long[labels.ClassCount];
        for (long row = 0; row < values.Length; row++)
        {
            long label = values[row];
            if (label < 0 || label >= labels.ClassCount)
            {
                throw new ArgumentException($"Row {row} has label {label}, outside [0, {labels.ClassCount}).", nameof(labels));
            }

            _classSizes[label]++;
        }

        _images = new InMemoryBatchSource(images, ownsImages);
        _labels = tensor;
        ClassNames = labels.ClassNames;
    }

    /// <inheritdoc />
    public long Count => _images.Count;

    /// <inheritdoc />
    public long[] ImageShape => _images.ImageShape;

    /// <inheritdoc />
    public int ClassCount => _classSizes.Length;

    /// <inheritdoc />
    public IReadOnlyList<long> ClassSizes => _classSizes;

    /// <summary>Gets the class names, index = label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public IEnumerable<Tensor> Epoch(EpochPlan plan) => _images.Epoch(plan);

    /// <inheritdoc />
    public IEnumerable<LabelledBatch> LabelledEpoch(EpochPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate(Count);
        return Iterate(plan);
    }

    /// <summary>Releases the device copies, and the images when the source owns them.</summary>
    public void Dispose()
    {
        _labelsOnDevice?.Dispose();
        _labelsOnDevice = null;
        _images.Dispose();
    }

    private IEnumerable<LabelledBatch> Iterate(EpochPlan plan)
    {
        var images = _images.ImagesOn(plan.Device);
        var labels = LabelsOn(plan.Device);
        var batches = ShuffledBatches.BatchIndices(Count, plan.BatchSize, plan.Seed, plan.Device, plan.DropLast, plan.Shuffle, plan.FirstBatch)
            .Take(checked((int)(plan.BatchCount - plan.FirstBatch)));
        foreach (var indices in batches)
        {
            using (indices)
            {
                yield return new LabelledBatch(images.index_select(0, indices), labels.index_select(0, indices));
            }
        }
    }

    private Tensor LabelsOn(Device device)
    {
        if (Devices.IsOn(_labels, device))
        {
            return _labels;
        }

        if (_labelsOnDevice is null || !Devices.IsOn(_labelsOnDevice, device))
        {
            _labelsOnDevice?.Dispose();
            _labelsOnDevice = _labels.to(device).DetachFromDisposeScope();
        }

        return _labelsOnDevice;
    }
}
