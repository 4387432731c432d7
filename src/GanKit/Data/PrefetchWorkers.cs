using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace GanKit.Data;

/// <summary>
/// The decoding threads of one streamed epoch. Thread <c>w</c> of <c>W</c> decodes batches
/// <c>first + w</c>, <c>first + w + W</c>, ... into its own bounded queue, so the consumer takes
/// batch <c>b</c> from queue <c>(b - first) mod W</c> and the batches arrive in order without a
/// reorder buffer. Buffers of full batches are recycled, so memory stays at
/// <c>W x (depth + 1) + 1</c> batches.
/// </summary>
internal sealed class PrefetchWorkers : IDisposable
{
    private readonly ImageFolderDataset _dataset;
    private readonly long[][] _batches;
    private readonly EpochPlan _plan;
    private readonly int _values;
    private readonly BlockingCollection<Decoded>[] _queues;
    private readonly ConcurrentBag<float[]> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread[] _threads;
    private readonly Action _started;
    private readonly Action _ended;

    public PrefetchWorkers(ImageFolderDataset dataset, long[][] batches, EpochPlan plan, int workers, int depthPerWorker, Action started, Action ended)
    {
        _dataset = dataset;
        _batches = batches;
        _plan = plan;
        _values = dataset.ValuesPerImage;
        _started = started;
        _ended = ended;
        _queues = Enumerable.Range(0, workers).Select(_ => new BlockingCollection<Decoded>(depthPerWorker)).ToArray();
        _threads = Enumerable.Range(0, workers).Select(w => new Thread(() => Work(w))
        {
            IsBackground = true,
            Name = $"GanKit image decoder {w + 1}/{workers}",
        }).ToArray();
        foreach (var thread in _threads)
        {
            _started();
            thread.Start();
        }
    }

    public IReadOnlyList<Thread> Threads => _threads;

    /// <summary>Waits for batch <paramref name="batch"/>; rethrows the decoding thread's exception if it failed.</summary>
    public (float[] Values, int Images) Take(long batch)
    {
        var decoded = _queues[(batch - _plan.FirstBatch) % _queues.Length].Take();
        if (decoded.Error is not null)
        {
            ExceptionDispatchInfo.Throw(decoded.Error);
        }

        return (decoded.Values!, decoded.Images);
    }

    /// <summary>Hands a consumed buffer back for reuse.</summary>
    public void Return(float[] values)
    {
        if (values.Length == _plan.BatchSize * _values)
        {
            _free.Add(values);
        }
    }

    /// <summary>Stops the threads and waits until every one has ended.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        foreach (var queue in _queues)
        {
            queue.Dispose();
        }

        _stop.Dispose();
    }

    private void Work(int worker)
    {
        try
        {
            for (long b = _plan.FirstBatch + worker; b < _plan.BatchCount; b += _queues.Length)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                Decoded decoded;
                try
                {
                    decoded = Decode(b);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The consumer rethrows it when it reaches this batch; nothing after it is decoded.
                    _queues[worker].Add(new Decoded(null, 0, e), _stop.Token);
                    return;
                }

                _queues[worker].Add(decoded, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for room in the queue: the epoch's enumerator was disposed.
        }
        finally
        {
            _ended();
        }
    }

    private Decoded Decode(long batch)
    {
        long[] order = _batches[batch - _plan.FirstBatch];
        int images = order.Length;
        float[] values = images == _plan.BatchSize && _free.TryTake(out var reused) ? reused : new float[images * _values];
        for (int i = 0; i < images; i++)
        {
            if (_stop.IsCancellationRequested)
            {
                throw new OperationCanceledException(_stop.Token);
            }

            _dataset.Read(order[i], values.AsSpan(i * _values, _values));
        }

        return new Decoded(values, images, null);
    }

    private sealed record Decoded(float[]? Values, int Images, Exception? Error);
}
