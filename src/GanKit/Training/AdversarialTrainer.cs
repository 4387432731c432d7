using GanKit.Networks;
using GanKit.Training.Callbacks;
using GanKit.Checkpoints;
using GanKit.Training.Steps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Training;

/// <summary>
/// Trains a <see cref="GeneratorNetwork"/> against a <see cref="DiscriminatorNetwork"/>: owns the
/// device, the optimisers, the loop, the per-epoch sample grids, the history files and the
/// checkpoints; the networks own the maths.
/// </summary>
/// <remarks>
/// <para>
/// Output under <see cref="AdversarialTrainerOptions.OutputDirectory"/>: <c>samples/epoch-0001.png</c>
/// and so on, <c>samples/progress.gif</c> when the run completes, <c>metrics.csv</c>,
/// <c>history.json</c> and <c>checkpoints/</c>.
/// </para>
/// <para>
/// The constructor moves both networks to the training device and then creates the optimisers
/// (Adam unless <see cref="AdversarialTrainerOptions.GeneratorOptimizer"/> or
/// <see cref="AdversarialTrainerOptions.DiscriminatorOptimizer"/> says otherwise; moving replaces
/// parameter objects, so the order matters) and their schedules. Each batch runs the
/// <see cref="Steps.ITrainingStep"/> of the options. Each network's <c>RegularizationLoss()</c>
/// (the builders' kernel L2 terms) is added to that network's own loss.
/// </para>
/// </remarks>
public sealed partial class AdversarialTrainer : IDisposable
{
    /// <summary>The folder, under the output folder, holding the sample grids.</summary>
    public const string SamplesFolderName = "samples";

    /// <summary>The folder, under the output folder, holding the checkpoints.</summary>
    public const string CheckpointsFolderName = "checkpoints";

    /// <summary>The per-epoch metrics file.</summary>
    public const string MetricsFileName = "metrics.csv";

    /// <summary>The history file (also stored in each checkpoint).</summary>
    public const string HistoryFileName = "history.json";

    /// <summary>The animated GIF of all epochs' sample grids.</summary>
    public const string ProgressGifFileName = "progress.gif";

    private readonly GeneratorNetwork _generator;
    private readonly DiscriminatorNetwork _discriminator;
    private readonly AdversarialTrainerOptions _options;
    private readonly ILogger _logger;
    private readonly OptimizedNetwork _generatorOptimization;
    private readonly OptimizedNetwork _discriminatorOptimization;
    private readonly ExponentialMovingAverage? _ema;
    private readonly ITrainingStep _step;
    private readonly StepContext _stepContext;
    private readonly ITrainingCallback[] _callbacks;
    private ActiveRun? _run;
    private readonly Tensor _sampleNoise;
    private bool _disposed;

    /// <summary>Prepares training: checks the options, moves the networks to the device and creates the optimisers.</summary>
    /// <param name="generator">The generator; moved to the training device.</param>
    /// <param name="discriminator">The discriminator; moved to the training device.</param>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <param name="logger">Receives progress and warnings; null for none.</param>
    /// <exception cref="ArgumentNullException">A network or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    /// <exception cref="ArgumentException">The generator's output shape is not the discriminator's input shape.</exception>
    public AdversarialTrainer(GeneratorNetwork generator, DiscriminatorNetwork discriminator, AdversarialTrainerOptions options, ILogger<AdversarialTrainer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        _options.Validate();
        if (!generator.OutputShape.SequenceEqual(discriminator.InputShape))
        {
            throw new ArgumentException($"The generator makes images of shape [{string.Join(", ", generator.OutputShape)}] but the discriminator expects [{string.Join(", ", discriminator.InputShape)}].", nameof(discriminator));
        }

        _generator = generator;
        _discriminator = discriminator;
        _logger = logger ?? (ILogger)NullLogger<AdversarialTrainer>.Instance;
        Device = _options.Device ?? (torch.cuda.is_available() ? torch.CUDA : torch.CPU);

        _generator.to(Device);
        _discriminator.to(Device);
        var generatorOptimizer = _options.GeneratorOptimizer?.Invoke(_generator.parameters())
            ?? torch.optim.Adam(_generator.parameters(), _options.GeneratorLearningRate, _options.GeneratorBeta1, _options.GeneratorBeta2, _options.AdamEpsilon);
        var discriminatorOptimizer = _options.DiscriminatorOptimizer?.Invoke(_discriminator.parameters())
            ?? torch.optim.Adam(_discriminator.parameters(), _options.DiscriminatorLearningRate, _options.DiscriminatorBeta1, _options.DiscriminatorBeta2, _options.AdamEpsilon);
        _generatorOptimization = new OptimizedNetwork(generatorOptimizer, _generator.parameters().Select(p => (Tensor)p).ToArray(), _options.GeneratorSchedule);
        _discriminatorOptimization = new OptimizedNetwork(discriminatorOptimizer, _discriminator.parameters().Select(p => (Tensor)p).ToArray(), _options.DiscriminatorSchedule);
        if (_options.EmaDecay > 0)
        {
            _ema = new ExponentialMovingAverage(_generator, _options.EmaDecay);
        }

        _step = _options.TrainingStep ?? (_options.UpdateScheme == UpdateScheme.Simultaneous ? new SimultaneousStep() : new AlternatingStep(_options.DiscriminatorSteps));
        _callbacks = (_options.Callbacks ?? TrainingCallbacks.Defaults(_options.CheckpointEverySteps)).ToArray();
        if (_callbacks.Any(c => c is null))
        {
            throw new ArgumentException($"{nameof(AdversarialTrainerOptions.Callbacks)} holds a null entry.", nameof(options));
        }

        _stepContext = new StepContext(_generator, _discriminator, _generatorOptimization, _discriminatorOptimization, _options, Device, _ema);

        // The sample noise has its own generator so it is the same vectors in every run with this
        // seed, resumed or not, and drawing it leaves the training stream untouched.
        using (var noiseGenerator = new torch.Generator(unchecked((ulong)_options.Seed) ^ 0x5A4D_504C_4553UL))
        using (var cpuNoise = torch.randn(new[] { (long)_options.SampleCount, _generator.LatentDim }, generator: noiseGenerator))
        {
            _sampleNoise = cpuNoise.to(Device).DetachFromDisposeScope();
        }
    }

    /// <summary>Raised after every training step, on the training thread.</summary>
    public event EventHandler<TrainingStepEventArgs>? StepCompleted;

    /// <summary>Raised after every epoch, once the callbacks (samples, history files, checkpoint) have run.</summary>
    public event EventHandler<TrainingEpochEventArgs>? EpochCompleted;

    /// <summary>Gets the device training runs on.</summary>
    public Device Device { get; }

    /// <summary>Gets a copy of the options in effect.</summary>
    public AdversarialTrainerOptions Options => _options.Clone();

    /// <summary>Gets the generator being trained.</summary>
    public GeneratorNetwork Generator => _generator;

    /// <summary>Gets the discriminator being trained.</summary>
    public DiscriminatorNetwork Discriminator => _discriminator;

    /// <summary>Gets the step each batch runs: <see cref="AdversarialTrainerOptions.TrainingStep"/>, or the one <see cref="AdversarialTrainerOptions.UpdateScheme"/> names.</summary>
    public ITrainingStep TrainingStep => _step;

    /// <summary>Gets the generator's optimiser.</summary>
    public torch.optim.Optimizer GeneratorOptimizer => _generatorOptimization.Optimizer;

    /// <summary>Gets the discriminator's optimiser.</summary>
    public torch.optim.Optimizer DiscriminatorOptimizer => _discriminatorOptimization.Optimizer;

    /// <summary>Gets the moving average of the generator's weights, or null when <see cref="AdversarialTrainerOptions.EmaDecay"/> is 0.</summary>
    public ExponentialMovingAverage? GeneratorAverage => _ema;

    /// <summary>Gets the fixed noise the per-epoch samples are drawn from, shape <c>[SampleCount, LatentDim]</c>.</summary>
    public Tensor SampleNoise => _sampleNoise;

    /// <summary>
    /// Draws <paramref name="count"/> images from fresh noise with the generator in evaluation mode
    /// (and the averaged weights when <see cref="AdversarialTrainerOptions.EmaDecay"/> is on).
    /// </summary>
    /// <param name="count">Number of images; at least 1.</param>
    /// <returns>A tensor on <see cref="Device"/> of shape <c>[count, ..OutputShape]</c>, values in the generator's range; the caller owns it.</returns>
    /// <remarks>The noise comes from torch's global random stream; seed it with <c>torch.manual_seed</c> for repeatable draws.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    public Tensor Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var noise = torch.randn(new[] { (long)count, _generator.LatentDim }, device: Device);
        return GenerateFrom(noise);
    }

    /// <summary>Releases the optimisers, the moving average and the sample noise (not the networks).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _generatorOptimization.Dispose();
        _discriminatorOptimization.Dispose();
        _ema?.Dispose();
        _sampleNoise.Dispose();
    }

    /// <summary>
    /// Draws images from <paramref name="noise"/> with the generator in evaluation mode (and the
    /// averaged weights when <see cref="AdversarialTrainerOptions.EmaDecay"/> is on), as the sample grids do.
    /// </summary>
    /// <param name="noise">Latent vectors <c>[N, LatentDim]</c> on <see cref="Device"/>.</param>
    /// <returns>A tensor <c>[N, ..OutputShape]</c> without gradient; the caller owns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="noise"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    public Tensor GenerateFrom(Tensor noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        ObjectDisposedException.ThrowIf(_disposed, this);
        bool wasTraining = _generator.training;
        _generator.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var averaged = _ema?.Apply(_generator);
            using var scope = torch.NewDisposeScope();
            return _generator.call(noise).detach().MoveToOuterDisposeScope();
        }
        finally
        {
            _generator.train(wasTraining);
        }
    }

    private CheckpointStore CreateStore() =>
        new(Path.Combine(_options.OutputDirectory, CheckpointsFolderName), _options.KeepCheckpoints, _logger);
}
