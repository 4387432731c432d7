using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Yields the seeded, shuffled mini-batches of one epoch on a given device: what
/// <c>AdversarialTrainer.Fit</c> trains on. <see cref="InMemoryBatchSource"/> gathers them from a
/// tensor; <see cref="StreamingBatchSource"/> decodes them from disk on background threads.
/// </summary>
/// <remarks>
/// Every implementation takes its order from the same seeded permutation, so for one seed the
/// batches are the same whichever source yields them, and a run resumed mid-epoch
/// (<see cref="EpochPlan.FirstBatch"/>) continues with exactly the batches an uninterrupted one
/// would have seen.
/// </remarks>
public interface IBatchSource : IDisposable
{
    /// <summary>Gets the number of images in one epoch.</summary>
    long Count { get; }

    /// <summary>Gets the shape of one image, channels first.</summary>
    long[] ImageShape { get; }

    /// <summary>
    /// Yields batches <see cref="EpochPlan.FirstBatch"/> to <see cref="EpochPlan.BatchCount"/> - 1
    /// of one epoch, each a float32 tensor <c>[n, ..ImageShape]</c> on <see cref="EpochPlan.Device"/>
    /// that the caller owns. Stop early by disposing the enumerator (leaving a <c>foreach</c> does):
    /// any background work stops before that returns.
    /// </summary>
    /// <param name="plan">Batch size, seed, range of batches and device.</param>
    /// <returns>The batches, produced lazily.</returns>
    /// <exception cref="ArgumentException">The plan does not fit this source; the message says which value.</exception>
    IEnumerable<Tensor> Epoch(EpochPlan plan);
}
