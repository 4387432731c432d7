using GanKit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist;

// Batching: epochs of mini-batches drawn on the device where the data lives.
public sealed partial class MnistDataset
{
    /// <summary>
    /// Yields one epoch of image batches, drawn on <see cref="Device"/>; the same as
    /// <see cref="ShuffledBatches.Epoch"/> over this dataset.
    /// </summary>
    /// <param name="batchSize">Images per batch; must be positive.</param>
    /// <param name="seed">Seed of this epoch's permutation.</param>
    /// <param name="dropLast">Drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="shuffle">False to keep the file order.</param>
    /// <returns>Batches the caller owns.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="dropLast"/> is set and the dataset is smaller than one batch.</exception>
    public IEnumerable<Tensor> Batches(int batchSize, long seed, bool dropLast = false, bool shuffle = true) =>
        ShuffledBatches.Epoch(this, batchSize, seed, dropLast, shuffle);

    /// <summary>
    /// Yields one epoch of (images, labels) batches, drawn on <see cref="Device"/>. For a given seed
    /// the images come in the same order as <see cref="Batches"/>.
    /// </summary>
    /// <param name="batchSize">Images per batch; must be positive.</param>
    /// <param name="seed">Seed of this epoch's permutation.</param>
    /// <param name="dropLast">Drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="shuffle">False to keep the file order.</param>
    /// <returns>Pairs of tensors the caller owns.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="dropLast"/> is set and the dataset is smaller than one batch.</exception>
    public IEnumerable<(Tensor Images, Tensor Labels)> LabelledBatches(int batchSize, long seed, bool dropLast = false, bool shuffle = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (dropLast && Count < batchSize)
        {
            throw new ArgumentException($"The dataset has {Count} images, fewer than one batch of {batchSize}, and dropLast is set, so an epoch would be empty.", nameof(dropLast));
        }

        return IterateLabelled(batchSize, seed, dropLast, shuffle);
    }

    private IEnumerable<(Tensor Images, Tensor Labels)> IterateLabelled(int batchSize, long seed, bool dropLast, bool shuffle)
    {
        long count = Count;
        Tensor order;
        if (shuffle)
        {
            // Same recipe as ShuffledBatches (a private generator seeded per epoch, permutation on
            // the CPU, moved once), so labelled and unlabelled epochs agree for a seed.
            using var generator = new torch.Generator((ulong)seed);
            using var cpuOrder = torch.randperm(count, generator: generator, dtype: ScalarType.Int64);
            order = cpuOrder.to(Device);
        }
        else
        {
            order = torch.arange(count, dtype: ScalarType.Int64, device: Device);
        }

        using (order)
        {
            long batches = ShuffledBatches.BatchesPerEpoch(count, batchSize, dropLast);
            for (long b = 0; b < batches; b++)
            {
                long start = b * batchSize;
                using var indices = order.narrow(0, start, Math.Min(batchSize, count - start));
                yield return (Images.index_select(0, indices), Labels.index_select(0, indices));
            }
        }
    }
}
