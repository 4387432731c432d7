using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Batches of an <see cref="ImageFolderDataset"/> decoded from disk on background threads into a
/// bounded queue, so memory stays flat however large the folder is.
/// </summary>
/// <remarks>
/// <para>
/// Each epoch starts its own decoding threads; they decode batches in the epoch's order (the
/// permutation <see cref="ShuffledBatches"/> uses, so the batches equal the in-memory ones) and stay
/// at most <see cref="BatchSourceOptions.PrefetchBatches"/> batches ahead of the consumer, fewer
/// when that many would exceed <see cref="BatchSourceOptions.MemoryLimitBytes"/>. Batches before
/// <see cref="EpochPlan.FirstBatch"/> are never decoded.
/// </para>
/// <para>
/// Disposing the epoch's enumerator (which leaving a <c>foreach</c> does, also through an
/// exception or a cancellation) stops its threads and waits for them, so none outlives the loop.
/// A file that fails to decode ends the epoch with its <see cref="InvalidDataException"/>.
/// </para>
/// </remarks>
public sealed class StreamingBatchSource : ILabelledBatchSource
{
    private readonly ImageFolderDataset _dataset;
    private readonly BatchSourceOptions _options;
    private int _liveWorkers;
    private long[]? _classSizes;

    /// <summary>Streams <paramref name="dataset"/>, which must outlive this source.</summary>
    /// <param name="dataset">The folder to decode from.</param>
    /// <param name="options">Threads, prefetch depth and memory limit; null for the defaults. <see cref="BatchSourceOptions.Mode"/> is ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public StreamingBatchSource(ImageFolderDataset dataset, BatchSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _options = (options ?? new BatchSourceOptions()).Clone();
        _options.Validate();
    }

    /// <inheritdoc />
    public long Count => _dataset.Count;

    /// <inheritdoc />
    public long[] ImageShape => _dataset.ImageShape;

    /// <summary>Gets the number of decoding threads running now; 0 between epochs.</summary>
    public int LiveWorkers => Volatile.Read(ref _liveWorkers);

    /// <summary>Gets the threads of the latest epoch, so tests can see they ended.</summary>
    internal IReadOnlyList<Thread> LastEpochThreads { get; private set; } = Array.Empty<Thread>();

    /// <inheritdoc />
    public IEnumerable<Tensor> Epoch(EpochPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate(Count);
        return Iterate(plan).Select(b => b.Images);
    }

    /// <inheritdoc />
    public int ClassCount => _dataset.ClassCount;

    /// <inheritdoc />
    /// <remarks>Counted once, from the folder's listing; nothing is decoded.</remarks>
    public IReadOnlyList<long> ClassSizes => _classSizes ??= CountClasses();

    /// <inheritdoc />
    /// <remarks>
    /// The labels are looked up on the host from the listing, beside the decoded images, and
    /// copied to the device with them: a few bytes per image, next to the image itself.
    /// </remarks>
    public IEnumerable<LabelledBatch> LabelledEpoch(EpochPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate(Count);
        return Iterate(plan).Select(b =>
        {
            var labels = Array.ConvertAll(b.Indices, i => (long)_dataset.LabelOf(i));
            return new LabelledBatch(b.Images, torch.tensor(labels, dtype: ScalarType.Int64, device: plan.Device));
        });
    }

    /// <summary>Nothing to release: each epoch's threads end with its enumerator.</summary>
    public void Dispose()
    {
    }

    private long[] CountClasses()
    {
        var sizes = new long[_dataset.ClassCount];
        for (long i = 0; i < Count; i++)
        {
            sizes[_dataset.LabelOf(i)]++;
        }

        return sizes;
    }

    private IEnumerable<(Tensor Images, long[] Indices)> Iterate(EpochPlan plan)
    {
        long batches = plan.BatchCount - plan.FirstBatch;
        if (batches == 0)
        {
            yield break;
        }

        // The indices of every batch to come, on the host: 8 bytes an image, read by the threads.
        var indices = new long[batches][];
        long next = 0;
        foreach (var batch in ShuffledBatches.BatchIndices(Count, plan.BatchSize, plan.Seed, torch.CPU, plan.DropLast, plan.Shuffle, plan.FirstBatch).Take(checked((int)batches)))
        {
            using (batch)
            {
                indices[next++] = batch.data<long>().ToArray();
            }
        }

        int workers = (int)Math.Min(_options.EffectiveWorkers, batches);
        using var run = new PrefetchWorkers(_dataset, indices, plan, workers, QueueDepthPerWorker(plan, workers), () => Interlocked.Increment(ref _liveWorkers), () => Interlocked.Decrement(ref _liveWorkers));
        LastEpochThreads = run.Threads;
        long[] shape = new[] { 0L }.Concat(ImageShape).ToArray();
        for (long b = plan.FirstBatch; b < plan.BatchCount; b++)
        {
            var (values, images) = run.Take(b);
            Tensor batch;
            try
            {
                shape[0] = images;
                batch = torch.tensor(values, shape, device: plan.Device);
            }
            finally
            {
                run.Return(values);
            }

            yield return (batch, indices[b - plan.FirstBatch]);
        }
    }

    /// <summary>Batches each thread may hold ready: the prefetch depth shared out, cut to fit the memory limit.</summary>
    private int QueueDepthPerWorker(EpochPlan plan, int workers)
    {
        long batchBytes = (long)plan.BatchSize * _dataset.ValuesPerImage * sizeof(float);

        // Besides the queued batches, each thread fills one and the consumer holds one.
        long affordable = (_options.MemoryLimitBytes / Math.Max(batchBytes, 1)) - workers - 1;
        int wanted = (_options.PrefetchBatches + workers - 1) / workers;
        return (int)Math.Clamp(Math.Min(wanted, affordable / workers), 1, wanted);
    }
}
