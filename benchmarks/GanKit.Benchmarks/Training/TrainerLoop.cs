using System.Diagnostics;
using GanKit.Benchmarks.Harness;
using GanKit.Data;
using GanKit.Networks;
using GanKit.Training;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Training;

/// <summary>
/// The library side: <see cref="O:GanKit.Training.AdversarialTrainer.Fit"/> with default options except the batch
/// size, the update scheme, the device (the CPU unless given) and a cap of one round's batches per epoch. A round is
/// one call of <c>Fit</c> for one epoch; its figure is the time from the call to the end of the
/// last step, and <see cref="LastEpochEndSeconds"/> holds what the epoch's end (sample grid,
/// history files, checkpoint) added on top.
/// </summary>
public sealed class TrainerLoop : ITrainingLoop
{
    private readonly GeneratorNetwork _generator;
    private readonly DiscriminatorNetwork _discriminator;
    private readonly AdversarialTrainer _trainer;
    private readonly IImageDataset _dataset;
    private readonly int _batches;
    private readonly string _output;
    private readonly Stopwatch _clock = new();
    private double _lastStepSeconds;
    private double _lastStepCpu;
    private double _cpuAtStart;

    /// <summary>Builds the networks of <paramref name="architecture"/> and a trainer over them.</summary>
    /// <param name="architecture">The networks.</param>
    /// <param name="dataset">The training images, on the CPU.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="scheme">The update scheme.</param>
    /// <param name="batchesPerRound">Steps in one round (the epoch cap).</param>
    /// <param name="outputDirectory">Where the trainer writes its samples and checkpoints; deleted on dispose.</param>
    /// <param name="device">The training device; null for the CPU. On a GPU the last step's clock reading waits for the device.</param>
    public TrainerLoop(Architecture architecture, IImageDataset dataset, int batchSize, UpdateScheme scheme, int batchesPerRound, string outputDirectory, Device? device = null)
    {
        var trainingDevice = device ?? CPU;
        _generator = architecture.CreateGenerator();
        _discriminator = architecture.CreateDiscriminator();
        _dataset = dataset;
        _batches = batchesPerRound;
        _output = outputDirectory;
        var options = new AdversarialTrainerOptions
        {
            Epochs = 1,
            BatchSize = batchSize,
            MaxBatchesPerEpoch = batchesPerRound,
            UpdateScheme = scheme,
            Device = trainingDevice,
            OutputDirectory = outputDirectory,
            KeepCheckpoints = 1,
        };
        _trainer = new AdversarialTrainer(_generator, _discriminator, options);
        _trainer.StepCompleted += (_, e) =>
        {
            // Only the last step reads the clocks, so the handler adds nothing measurable.
            if (e.BatchInEpoch == _batches)
            {
                // GPU work is queued; the step is done when the device says so.
                if (trainingDevice.type == TorchSharp.DeviceType.CUDA)
                {
                    TorchSharp.torch.cuda.synchronize();
                }

                _lastStepSeconds = _clock.Elapsed.TotalSeconds;
                _lastStepCpu = ProcessorTime.Now() - _cpuAtStart;
            }
        };
    }

    /// <summary>Gets the seconds the last round's epoch end (samples, history, checkpoint) took after its last step.</summary>
    public double LastEpochEndSeconds { get; private set; }

    /// <inheritdoc />
    public RoundTime RunRound(int batches)
    {
        if (batches != _batches)
        {
            throw new ArgumentOutOfRangeException(nameof(batches), batches, $"This trainer caps epochs at {_batches} batches; got {batches}.");
        }

        // Every round is a fresh run, and the trainer refuses to start one over another run's
        // checkpoints; clearing the folder happens before the clocks start.
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }

        _lastStepSeconds = 0;
        _lastStepCpu = 0;
        _cpuAtStart = ProcessorTime.Now();
        _clock.Restart();
        _trainer.Fit(_dataset);
        double total = _clock.Elapsed.TotalSeconds;
        LastEpochEndSeconds = total - _lastStepSeconds;
        return new RoundTime(_lastStepSeconds, _lastStepCpu);
    }

    /// <summary>Releases the trainer and the networks and deletes the output folder.</summary>
    public void Dispose()
    {
        _trainer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
