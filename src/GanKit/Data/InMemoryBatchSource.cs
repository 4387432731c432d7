using GanKit.Runtime;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Batches gathered from an <see cref="IImageDataset"/> held as one tensor, with
/// <see cref="ShuffledBatches"/>: the fastest source for data that fits on the training device.
/// </summary>
public sealed class InMemoryBatchSource : IBatchSource
{
    private readonly bool _ownsDataset;
    private TensorImageDataset? _copy;

    /// <summary>
    /// Wraps <paramref name="dataset"/>. When an epoch is asked for on another device than the
    /// images' own, they are copied there once and the copy kept until this source is disposed.
    /// </summary>
    /// <param name="dataset">The images.</param>
    /// <param name="ownsDataset">Whether disposing this source disposes the dataset (when it is disposable).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public InMemoryBatchSource(IImageDataset dataset, bool ownsDataset = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        _ownsDataset = ownsDataset;
    }

    /// <summary>Gets the images batches are drawn from.</summary>
    public IImageDataset Dataset { get; }

    /// <inheritdoc />
    public long Count => Dataset.Count;

    /// <inheritdoc />
    public long[] ImageShape => Dataset.ImageShape;

    /// <inheritdoc />
    public IEnumerable<Tensor> Epoch(EpochPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate(Count);
        return ShuffledBatches.Epoch(On(plan.Device), plan.BatchSize, plan.Seed, plan.DropLast, plan.Shuffle, plan.FirstBatch).Take(checked((int)(plan.BatchCount - plan.FirstBatch)));
    }

    /// <summary>The images on <paramref name="device"/>: the dataset's own tensor, or a copy made once per device.</summary>
    internal Tensor ImagesOn(Device device) => On(device).Images;

    private IImageDataset On(Device device)
    {
        if (Devices.IsOn(Dataset.Images, device))
        {
            return Dataset;
        }

        if (_copy is null || !Devices.IsOn(_copy.Images, device))
        {
            _copy?.Dispose();
            _copy = new TensorImageDataset(Dataset.Images.to(device).DetachFromDisposeScope());
        }

        return _copy;
    }

    /// <summary>Releases the device copy, and the dataset when this source owns it.</summary>
    public void Dispose()
    {
        _copy?.Dispose();
        _copy = null;
        if (_ownsDataset && Dataset is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
