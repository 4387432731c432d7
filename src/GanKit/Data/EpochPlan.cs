using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>Which batches of one epoch an <see cref="IBatchSource"/> yields, and where.</summary>
/// <param name="BatchSize">Images per batch; positive.</param>
/// <param name="Seed">Seed of this epoch's permutation.</param>
/// <param name="DropLast">Whether a final batch smaller than <paramref name="BatchSize"/> is left out.</param>
/// <param name="FirstBatch">The first batch to yield; those before it are passed over without being read.</param>
/// <param name="BatchCount">The number of batches the epoch has (at most <see cref="ShuffledBatches.BatchesPerEpoch"/>); batches from it on are not yielded.</param>
/// <param name="Device">The device the batches are put on.</param>
/// <param name="Shuffle">False to keep the dataset's order.</param>
public sealed record EpochPlan(int BatchSize, long Seed, bool DropLast, long FirstBatch, long BatchCount, Device Device, bool Shuffle = true)
{
    /// <summary>Checks the plan against a source of <paramref name="count"/> images.</summary>
    /// <param name="count">Images in the source.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate(long count)
    {
        if (BatchSize < 1)
        {
            throw new ArgumentException($"BatchSize must be positive; got {BatchSize}.", nameof(BatchSize));
        }

        if (DropLast && count < BatchSize)
        {
            throw new ArgumentException($"The source has {count} images, fewer than one batch of {BatchSize}, and DropLast is set, so an epoch would be empty.", nameof(DropLast));
        }

        long most = ShuffledBatches.BatchesPerEpoch(count, BatchSize, DropLast);
        if (BatchCount < 0 || BatchCount > most)
        {
            throw new ArgumentException($"BatchCount must be 0 to {most} for {count} images in batches of {BatchSize}; got {BatchCount}.", nameof(BatchCount));
        }

        if (FirstBatch < 0 || FirstBatch > BatchCount)
        {
            throw new ArgumentException($"FirstBatch must be 0 to BatchCount ({BatchCount}); got {FirstBatch}.", nameof(FirstBatch));
        }

        ArgumentNullException.ThrowIfNull(Device);
    }
}
