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
        var batches = ShuffledBatches.BatchIndices(Count, batchSize, seed, Device, dropLast, shuffle);
        return Select(batches);

        IEnumerable<(Tensor Images, Tensor Labels)> Select(IEnumerable<Tensor> indexBatches)
        {
            foreach (var indices in indexBatches)
            {
                using (indices)
                {
                    yield return (Images.index_select(0, indices), Labels.index_select(0, indices));
                }
            }
        }
    }
}
