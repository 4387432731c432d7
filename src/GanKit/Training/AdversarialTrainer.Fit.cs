using System.Diagnostics;
using GanKit.Data;
using GanKit.Training.Callbacks;
using GanKit.Checkpoints;
using GanKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training;

public sealed partial class AdversarialTrainer
{
    /// <summary>
    /// Trains until <see cref="AdversarialTrainerOptions.Epochs"/> epochs are done, writing samples,
    /// history and a checkpoint at each epoch's end.
    /// </summary>
    /// <param name="dataset">The real images; copied once to the training device when they live elsewhere.</param>
    /// <param name="progress">Receives a report every <see cref="AdversarialTrainerOptions.LogEvery"/> steps and at each epoch's end.</param>
    /// <param name="cancellationToken">Stops training at the next step boundary, after writing a checkpoint.</param>
    /// <returns>The history of every epoch of the run, including those done before a resume.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentException">The dataset's image shape is not the discriminator's input shape, or it is empty, or the networks are conditional and it is not an <see cref="ILabelledDataset"/> of their classes.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested; a checkpoint of the last completed step was written first.</exception>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite; no checkpoint is written after it.</exception>
    /// <exception cref="InvalidOperationException"><see cref="AdversarialTrainerOptions.Resume"/> is off and the output folder already holds checkpoints of another run.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    /// <exception cref="Checkpoints.RunFolderInUseException">Another live process is training into the same output folder.</exception>
    /// <exception cref="ResumeMismatchException"><see cref="AdversarialTrainerOptions.Resume"/> is on and an option that cannot change mid-run differs from the checkpoint's; nothing was loaded.</exception>
    /// <exception cref="CheckpointLoadException"><see cref="AdversarialTrainerOptions.Resume"/> is on and no valid checkpoint loads into these networks (the error names the newest one's file).</exception>
    /// <exception cref="IOException">An output file could not be written.</exception>
    public TrainingHistory Fit(IImageDataset dataset, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!dataset.ImageShape.SequenceEqual(_discriminator.InputShape))
        {
            throw new ArgumentException($"The dataset's images have shape [{string.Join(", ", dataset.ImageShape)}] but the discriminator expects [{string.Join(", ", _discriminator.InputShape)}].", nameof(dataset));
        }

        if (dataset.Count == 0)
        {
            throw new ArgumentException("The dataset holds no images.", nameof(dataset));
        }

        // Device compares by reference, so equal devices are told apart by type and index.
        using var copied = Devices.AreSame(dataset.Device, Device) ? null : new TensorImageDataset(dataset.Images.to(Device));
        if (copied is not null)
        {
            Log.DatasetCopied(_logger, dataset.Count, dataset.Device.ToString(), Device.ToString());
        }

        var images = (IImageDataset?)copied ?? dataset;
        if (ClassCount is { } classes)
        {
            var labels = dataset as ILabelledDataset
                ?? throw new ArgumentException($"The networks are conditioned on {classes} classes, but the dataset ({dataset.GetType().Name}) carries no labels; pass an ILabelledDataset such as MnistDataset, or a LabelledBatchSource.", nameof(dataset));
            using var labelled = new LabelledBatchSource(images, labels);
            CheckLabelledSource(labelled, classes, nameof(dataset));
            return FitBatches(labelled, progress, cancellationToken);
        }

        using var source = new InMemoryBatchSource(images);
        return FitBatches(source, progress, cancellationToken);
    }

    /// <summary>A conditional run needs labels of exactly its classes.</summary>
    private static void CheckLabelledSource(ILabelledBatchSource source, int classes, string parameterName)
    {
        if (source.ClassCount != classes)
        {
            throw new ArgumentException($"The networks are conditioned on {classes} classes, but the data has {source.ClassCount}.", parameterName);
        }
    }

    private TrainingHistory FitBatches(IBatchSource source, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        // Once per run: the proportions live on the device, so drawing labels never waits on the host.
        var labelled = ClassCount is null ? null : (ILabelledBatchSource)source;
        if (labelled is not null && _options.FakeLabels == FakeLabelSampling.ClassFrequencies)
        {
            using var sizes = torch.tensor(labelled.ClassSizes.Select(n => (float)n).ToArray(), dtype: ScalarType.Float32);
            using var shares = sizes.div(sizes.sum());
            _stepContext.UseClassFrequencies(shares.to(Device).DetachFromDisposeScope());
        }
        else
        {
            _stepContext.UseClassFrequencies(null);
        }


        // Held for the whole run: a second writer would interleave its checkpoints with these.
        using var folderLock = Checkpoints.RunFolderLock.Acquire(_options.OutputDirectory);
        var store = CreateStore();
        var loop = Begin(store);
        _run = new ActiveRun(store, loop);
        try
        {
            return Run(source, loop, progress, cancellationToken);
        }
        finally
        {
            _run = null;
        }
    }

    /// <summary>
    /// Writes a checkpoint of where the run stands now; for callbacks, between two steps or at an
    /// epoch's end. <see cref="CheckpointCallback"/> calls it; call it from your own callback for
    /// another schedule. Every callback's <see cref="ITrainingCallback.OnCheckpointSaved"/> runs after it.
    /// </summary>
    /// <returns>The checkpoint, written and verified.</returns>
    /// <exception cref="InvalidOperationException">No Fit is running.</exception>
    /// <exception cref="TrainingDivergedException">A loss of the current epoch was NaN or infinite; nothing is written.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    /// <exception cref="IOException">The checkpoint could not be written.</exception>
    public CheckpointInfo SaveCheckpoint()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var run = _run ?? throw new InvalidOperationException($"{nameof(SaveCheckpoint)} works while {nameof(Fit)} runs, from a callback between two steps.");
        if (run.Epoch is { } epoch)
        {
            // Never checkpoint weights that already went non-finite: ReadSums throws first.
            run.Loop.EpochSums = ReadSums(epoch.Sums, epoch.FirstBadStep, epoch.Number);
            run.Loop.EpochSeconds = epoch.SecondsBefore + epoch.Clock.Elapsed.TotalSeconds;
        }

        var checkpoint = SaveCheckpoint(run.Store, run.Loop);
        run.LastCheckpoint = checkpoint;
        foreach (var callback in _callbacks)
        {
            callback.OnCheckpointSaved(this, checkpoint);
        }

        return checkpoint;
    }

    private TrainingHistory Run(IBatchSource source, LoopState loop, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        long batchesPerEpoch = ShuffledBatches.BatchesPerEpoch(source.Count, _options.BatchSize, _options.DropLastBatch);
        if (_options.MaxBatchesPerEpoch > 0)
        {
            batchesPerEpoch = Math.Min(batchesPerEpoch, _options.MaxBatchesPerEpoch);
        }

        if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
        {
            // Which libtorch is running, by path: torch.__version__ is only the managed constant.
            Log.RuntimeLoaded(_logger, TorchRuntime.Describe());
        }

        Log.TrainingStarted(_logger, Device.ToString(), loop.CompletedEpochs + 1, _options.Epochs, batchesPerEpoch, _options.BatchSize, _options.UpdateScheme, _options.Loss.Name);
        foreach (var callback in _callbacks)
        {
            callback.OnRunStart(this, loop.History);
        }

        for (int epoch = loop.CompletedEpochs + 1; epoch <= _options.Epochs; epoch++)
        {
            RunEpoch(source, loop, epoch, batchesPerEpoch, progress, cancellationToken);
        }

        var end = new RunEnd(loop.History, Cancelled: false);
        foreach (var callback in _callbacks)
        {
            callback.OnRunEnd(this, end);
        }

        return loop.History;
    }

    /// <summary>The seed of epoch <paramref name="epoch"/>'s shuffle, derived from the run's seed.</summary>
    internal static long EpochSeed(long seed, int epoch) => unchecked((seed * 1_000_003L) + epoch) & long.MaxValue;

    private void RunEpoch(IBatchSource source, LoopState loop, int epoch, long batchesPerEpoch, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        double secondsBefore = loop.EpochSeconds;
        using var sums = torch.tensor(loop.EpochSums, dtype: ScalarType.Float64, device: Device);
        using var firstBadStep = torch.full(1, -1L, dtype: ScalarType.Int64, device: Device);
        _run!.Epoch = new ActiveEpoch(epoch, sums, firstBadStep, clock, secondsBefore);
        var window = new Window(loop.EpochSums, loop.Step, loop.EpochImages, loop.EpochGeneratorSteps, secondsBefore);

        _generator.train();
        _discriminator.train();
        // A run resumed mid-epoch sees the same permutation and skips what it already did, unread.
        long batchIndex = loop.BatchInEpoch;
        var plan = new EpochPlan(_options.BatchSize, EpochSeed(_options.Seed, epoch), _options.DropLastBatch, batchIndex, batchesPerEpoch, Device);
        foreach (var (batch, labels) in Batches(source, plan))
        {
            using (batch)
            using (labels)
            {
                batchIndex++;
                if (cancellationToken.IsCancellationRequested)
                {
                    StopForCancellation(loop, epoch, cancellationToken);
                }

                loop.Step++;
                loop.BatchInEpoch = batchIndex;
                using (var scope = torch.NewDisposeScope())
                {
                    var result = RunStep(batch, labels, loop.Step);
                    Accumulate(sums, firstBadStep, result, loop.Step);

                    // Counted before the callbacks, so a checkpoint one of them writes includes this step.
                    loop.EpochImages += batch.shape[0];
                    if (result.GeneratorLoss is not null)
                    {
                        loop.EpochGeneratorSteps++;
                    }

                    var args = new TrainingStepEventArgs(epoch, loop.Step, batchIndex, result.DiscriminatorLoss, result.GeneratorLoss, batchIndex == batchesPerEpoch);
                    foreach (var callback in _callbacks)
                    {
                        callback.OnStepEnd(this, args);
                    }

                    StepCompleted?.Invoke(this, args);
                }

                if (loop.Step % _options.LogEvery == 0 && batchIndex < batchesPerEpoch)
                {
                    var report = window.Advance(ReadSums(sums, firstBadStep, epoch), loop, secondsBefore + clock.Elapsed.TotalSeconds);
                    Log.StepReport(_logger, loop.Step, epoch, batchIndex, batchesPerEpoch, report.DiscriminatorLoss, report.GeneratorLoss);
                    progress?.Report(report with { Epoch = epoch, Epochs = _options.Epochs, BatchesPerEpoch = batchesPerEpoch });
                }
            }
        }

        // The read-back synchronises with the device, so the epoch's time is the real one.
        double[] totals = ReadSums(sums, firstBadStep, epoch);
        double seconds = secondsBefore + clock.Elapsed.TotalSeconds;
        long steps = loop.BatchInEpoch;
        var row = new TrainingHistoryRow(
            epoch,
            loop.Step,
            totals[0] / Math.Max(steps, 1),
            loop.EpochGeneratorSteps > 0 ? totals[1] / loop.EpochGeneratorSteps : double.NaN,
            totals[2] / Math.Max(steps, 1),
            totals[3] / Math.Max(steps, 1),
            seconds,
            seconds > 0 ? loop.EpochImages / seconds : 0,
            (loop.History.Rows.Count > 0 ? loop.History.Rows[^1].GeneratorSteps : 0) + loop.EpochGeneratorSteps);
        var endReport = window.Advance(totals, loop, seconds) with { Epoch = epoch, Epochs = _options.Epochs, BatchesPerEpoch = batchesPerEpoch, IsEpochEnd = true };

        _generatorOptimization.EndEpoch();
        _discriminatorOptimization.EndEpoch();
        loop.History.Add(row);
        loop.CompletedEpochs = epoch;
        loop.ResetEpoch();
        _run.Epoch = null;
        var end = new EpochEnd(row, loop.History);
        foreach (var callback in _callbacks)
        {
            callback.OnEpochEnd(this, end);
        }

        Log.EpochCompleted(_logger, epoch, _options.Epochs, row.DiscriminatorLoss, row.GeneratorLoss, row.RealScore, row.FakeScore, row.Seconds, row.ImagesPerSecond);
        progress?.Report(endReport);
        EpochCompleted?.Invoke(this, new TrainingEpochEventArgs(row, end.SamplePath, end.CheckpointDirectory));
    }

    /// <summary>One epoch's real images, with their labels in a conditional run.</summary>
    private IEnumerable<(Tensor Images, Tensor? Labels)> Batches(IBatchSource source, EpochPlan plan) =>
        ClassCount is null
            ? source.Epoch(plan).Select(images => (images, (Tensor?)null))
            : ((ILabelledBatchSource)source).LabelledEpoch(plan).Select(b => (b.Images, (Tensor?)b.Labels));

    private void StopForCancellation(LoopState loop, int epoch, CancellationToken cancellationToken)
    {
        // The callbacks see the run's end first: the checkpoint callback saves the last completed step.
        var end = new RunEnd(loop.History, Cancelled: true);
        foreach (var callback in _callbacks)
        {
            callback.OnRunEnd(this, end);
        }

        Log.Cancelled(_logger, loop.Step, epoch, _run?.LastCheckpoint?.Directory ?? "(no checkpoint callback)");
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static void Accumulate(Tensor sums, Tensor firstBadStep, StepResult result, long step)
    {
        // Everything stays on the device: no .item() here, so a GPU step never waits on the host.
        var generatorLoss = result.GeneratorLoss ?? torch.zeros_like(result.DiscriminatorLoss);
        var row = torch.stack(new[] { result.DiscriminatorLoss, generatorLoss, result.RealScore, result.FakeScore }).to(ScalarType.Float64);
        sums.add_(row);
        var bad = row.isfinite().logical_not().any();
        var firstTime = firstBadStep.lt(0).logical_and(bad);
        firstBadStep.masked_fill_(firstTime, step);
    }

    private double[] ReadSums(Tensor sums, Tensor firstBadStep, int epoch)
    {
        long bad;
        using (var cpuBad = firstBadStep.cpu())
        {
            bad = cpuBad.item<long>();
        }

        if (bad >= 0)
        {
            Log.Diverged(_logger, bad, epoch);
            string advice = _newestCheckpoint is null
                ? "No checkpoint was written before it; lower the learning rates or add a penalty and start the run again."
                : $"The newest checkpoint, '{_newestCheckpoint}', predates it; lower the learning rates or add a penalty before resuming.";
            throw new TrainingDivergedException(epoch, bad, $"Training diverged: a loss was NaN or infinite at step {bad} (epoch {epoch}). {advice}");
        }

        using var cpu = sums.cpu();
        return cpu.data<double>().ToArray();
    }

    /// <summary>The run Fit is executing: what <see cref="SaveCheckpoint()"/> needs.</summary>
    private sealed class ActiveRun(Checkpoints.CheckpointStore store, LoopState loop)
    {
        public Checkpoints.CheckpointStore Store { get; } = store;

        public LoopState Loop { get; } = loop;

        public ActiveEpoch? Epoch { get; set; }

        public Checkpoints.CheckpointInfo? LastCheckpoint { get; set; }
    }

    /// <summary>The epoch in progress: its device-side sums and its clock.</summary>
    private sealed record ActiveEpoch(int Number, Tensor Sums, Tensor FirstBadStep, Stopwatch Clock, double SecondsBefore);

    /// <summary>Host-side bookkeeping of the means between two progress reports.</summary>
    private sealed class Window
    {
        private double[] _sums;
        private long _step;
        private long _images;
        private long _generatorSteps;
        private double _seconds;

        public Window(double[] sums, long step, long images, long generatorSteps, double seconds)
        {
            _sums = (double[])sums.Clone();
            _step = step;
            _images = images;
            _generatorSteps = generatorSteps;
            _seconds = seconds;
        }

        public TrainingProgress Advance(double[] sums, LoopState loop, double seconds)
        {
            long steps = Math.Max(loop.Step - _step, 1);
            long generatorSteps = loop.EpochGeneratorSteps - _generatorSteps;
            double elapsed = seconds - _seconds;
            var report = new TrainingProgress(
                0,
                0,
                loop.Step,
                loop.BatchInEpoch,
                0,
                (sums[0] - _sums[0]) / steps,
                generatorSteps > 0 ? (sums[1] - _sums[1]) / generatorSteps : double.NaN,
                (sums[2] - _sums[2]) / steps,
                (sums[3] - _sums[3]) / steps,
                elapsed > 0 ? (loop.EpochImages - _images) / elapsed : 0,
                false);
            _sums = (double[])sums.Clone();
            _step = loop.Step;
            _images = loop.EpochImages;
            _generatorSteps = loop.EpochGeneratorSteps;
            _seconds = seconds;
            return report;
        }
    }
}
