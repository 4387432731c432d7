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
    /// The order in which one epoch visits the images: a seeded permutation of <c>[0, count)</c>, or
    /// the identity without shuffling, as an int64 CPU tensor the caller owns. Every batch source,
    /// in memory or streamed, takes its order from here, so they agree batch for batch.
    /// </summary>
    internal static Tensor Order(long count, long seed, bool shuffle)
    {
        if (!shuffle)
        {
            return torch.arange(count, dtype: ScalarType.Int64);
        }

        // randperm with a generator runs on the CPU; the permutation is small (8 bytes per image).
        using var generator = new torch.Generator((ulong)seed);
        return torch.randperm(count, generator: generator, dtype: ScalarType.Int64);
    }

    private static IEnumerable<Tensor> Iterate(IImageDataset dataset, int batchSize, long seed, bool dropLast, bool shuffle, long firstBatch)
    {
        long count = dataset.Count;

        // The permutation moves to the data's device once per epoch, never per step.
        Tensor order;
        using (var cpuOrder = Order(count, seed, shuffle))
        {
            order = cpuOrder.to(dataset.Device);
        }

        using (order)
        {
            long batches = BatchesPerEpoch(count, batchSize, dropLast);
            for (long b = firstBatch; b < batches; b++)
            {
                long start = b * batchSize;
                long length = Math.Min(batchSize, count - start);
                using var indices = order.narrow(0, start, length);
                yield return dataset.Images.index_select(0, indices);
            }
        }
    }
}
