using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Draws seeded, shuffled mini-batches of an <see cref="IImageDataset"/> on the device where its
/// images live.
/// </summary>
/// <remarks>
/// The permutation comes from a private <see cref="torch.Generator"/> seeded per epoch, so the
/// order of batches does not depend on (or disturb) the global random stream used for noise and
/// dropout, and a run resumed at epoch <c>k</c> sees the same batches as an uninterrupted one.
/// </remarks>
public static class ShuffledBatches
{
    /// <summary>Gets the number of batches one epoch yields.</summary>
    /// <param name="count">Number of images.</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="dropLast">Whether a final, smaller batch is dropped.</param>
    public static long BatchesPerEpoch(long count, int batchSize, bool dropLast)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;
    }

    /// <summary>
    /// Yields the batches of one epoch. Each batch is a new tensor the caller owns (dispose it, or
    /// let a dispose scope do so).
    /// </summary>
    /// <param name="dataset">The images.</param>
    /// <param name="batchSize">Images per batch; must be positive.</param>
    /// <param name="seed">Seed of this epoch's permutation.</param>
    /// <param name="dropLast">Drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="shuffle">False to keep the dataset's order.</param>
    /// <param name="firstBatch">Batches of the epoch to pass over without gathering them, as a run resumed mid-epoch does.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive, or <paramref name="firstBatch"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="dropLast"/> is set and the dataset is smaller than one batch.</exception>
    public static IEnumerable<Tensor> Epoch(IImageDataset dataset, int batchSize, long seed, bool dropLast = false, bool shuffle = true, long firstBatch = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(firstBatch);
        if (dropLast && dataset.Count < batchSize)
        {
            throw new ArgumentException($"The dataset has {dataset.Count} images, fewer than one batch of {batchSize}, and dropLast is set, so an epoch would be empty.", nameof(dataset));
        }

        return Iterate(dataset, batchSize, seed, dropLast, shuffle, firstBatch);
    }

    /// <summary>
    /// Yields the index tensors of one epoch's batches: the one shuffled-index iterator every batch
    /// source uses, so images, labels or files drawn with the same seed come in the same order.
    /// Each tensor is a view of the epoch's permutation on <paramref name="device"/>; dispose it.
    /// </summary>
    /// <param name="count">Number of items in the dataset.</param>
    /// <param name="batchSize">Items per batch; must be positive.</param>
    /// <param name="seed">Seed of this epoch's permutation.</param>
    /// <param name="device">Where the indices are wanted (the data's device).</param>
    /// <param name="dropLast">Drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="shuffle">False to keep the dataset's order.</param>
    /// <param name="firstBatch">The first batch to yield; those before it are passed over (a run resumed mid-epoch).</param>
    /// <returns>One int64 index tensor per batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive, or <paramref name="count"/> or <paramref name="firstBatch"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="dropLast"/> is set and the dataset is smaller than one batch.</exception>
    public static IEnumerable<Tensor> BatchIndices(long count, int batchSize, long seed, Device device, bool dropLast = false, bool shuffle = true, long firstBatch = 0)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(firstBatch);
        if (dropLast && count < batchSize)
        {
            throw new ArgumentException($"The dataset has {count} images, fewer than one batch of {batchSize}, and dropLast is set, so an epoch would be empty.", nameof(dropLast));
        }

        return IterateIndices(count, batchSize, seed, device, dropLast, shuffle, firstBatch);
    }

    private static IEnumerable<Tensor> Iterate(IImageDataset dataset, int batchSize, long seed, bool dropLast, bool shuffle, long firstBatch)
    {
        foreach (var indices in IterateIndices(dataset.Count, batchSize, seed, dataset.Device, dropLast, shuffle, firstBatch))
        {
            using (indices)
            {
                yield return dataset.Images.index_select(0, indices);
            }
        }
    }

    private static IEnumerable<Tensor> IterateIndices(long count, int batchSize, long seed, Device device, bool dropLast, bool shuffle, long firstBatch)
    {
        Tensor order;
        if (shuffle)
        {
            // randperm with a generator runs on the CPU; the permutation is small (8 bytes per
            // image) and moves to the data's device once per epoch, never per step.
            using var generator = new torch.Generator((ulong)seed);
            using var cpuOrder = torch.randperm(count, generator: generator, dtype: ScalarType.Int64);
            order = cpuOrder.to(device);
        }
        else
        {
            order = torch.arange(count, dtype: ScalarType.Int64, device: device);
        }

        using (order)
        {
            long batches = BatchesPerEpoch(count, batchSize, dropLast);
            for (long b = firstBatch; b < batches; b++)
            {
                long start = b * batchSize;
                yield return order.narrow(0, start, Math.Min(batchSize, count - start));
            }
        }
    }
}
