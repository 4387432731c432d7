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
    private readonly Tensor? _sampleLabels;
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

        CheckConditioning(generator, discriminator);
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
        // A conditional grid has a row per class and a noise vector per column, the same down the rows.
        int? classes = _generator.ClassCount;
        long noiseCount = classes is null ? _options.SampleCount : _options.SamplesPerClass;
        using (var noiseGenerator = new torch.Generator(unchecked((ulong)_options.Seed) ^ 0x5A4D_504C_4553UL))
        using (var cpuNoise = torch.randn(new[] { noiseCount, _generator.LatentDim }, generator: noiseGenerator))
        using (var gridNoise = classes is { } rows ? cpuNoise.repeat(rows, 1) : cpuNoise.alias())
        {
            _sampleNoise = gridNoise.to(Device).DetachFromDisposeScope();
        }

        _sampleLabels = classes is { } count
            ? torch.arange(count, dtype: ScalarType.Int64, device: Device).repeat_interleave(_options.SamplesPerClass).DetachFromDisposeScope()
            : null;
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

    /// <summary>
    /// Gets the fixed noise the per-epoch samples are drawn from: <c>[SampleCount, LatentDim]</c>,
    /// or in a conditional run <c>[ClassCount × SamplesPerClass, LatentDim]</c>, the same
    /// <see cref="AdversarialTrainerOptions.SamplesPerClass"/> vectors for every class.
    /// </summary>
    public Tensor SampleNoise => _sampleNoise;

    /// <summary>Gets the labels of <see cref="SampleNoise"/>'s rows in a conditional run (class <c>c</c> for row block <c>c</c>), or null.</summary>
    public Tensor? SampleLabels => _sampleLabels;

    /// <summary>Gets the number of classes of a conditional run (the generator's <c>ClassCount</c>); null when unconditional.</summary>
    public int? ClassCount => _generator.ClassCount;

    /// <summary>
    /// Draws <paramref name="count"/> images from fresh noise with the generator in evaluation mode
    /// (and the averaged weights when <see cref="AdversarialTrainerOptions.EmaDecay"/> is on); a
    /// conditional generator is asked for classes drawn uniformly.
    /// </summary>
    /// <param name="count">Number of images; at least 1.</param>
    /// <returns>A tensor on <see cref="Device"/> of shape <c>[count, ..OutputShape]</c>, values in the generator's range; the caller owns it.</returns>
    /// <remarks>The noise (and labels) come from torch's global random stream; seed it with <c>torch.manual_seed</c> for repeatable draws.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    public Tensor Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var noise = torch.randn(new[] { (long)count, _generator.LatentDim }, device: Device);
        using var labels = ClassCount is { } classes ? torch.randint(classes, new[] { (long)count }, dtype: ScalarType.Int64, device: Device) : null;
        return GenerateFrom(noise, labels);
    }

    /// <summary>
    /// Draws one image per entry of <paramref name="labels"/> from fresh noise, each of the class it
    /// names, as <see cref="Generate(int)"/> does; for a conditional generator only.
    /// </summary>
    /// <param name="count">Number of images; at least 1, and the length of <paramref name="labels"/>.</param>
    /// <param name="labels">The class of each image, in <c>[0, ClassCount)</c>.</param>
    /// <returns>A tensor on <see cref="Device"/> of shape <c>[count, ..OutputShape]</c>; the caller owns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, or a label lies outside <c>[0, ClassCount)</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="labels"/> does not hold <paramref name="count"/> entries.</exception>
    /// <exception cref="InvalidOperationException">The generator is unconditional.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    public Tensor Generate(int count, IReadOnlyList<int> labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(labels);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (labels.Count != count)
        {
            throw new ArgumentException($"Generate({count}, labels) needs {count} labels, one per image; got {labels.Count}.", nameof(labels));
        }

        using var labelTensor = GeneratorNetwork.LabelTensor(_generator, labels, Device);
        using var noise = torch.randn(new[] { (long)count, _generator.LatentDim }, device: Device);
        return GenerateFrom(noise, labelTensor);
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
        _sampleLabels?.Dispose();
        _stepContext.UseClassFrequencies(null);
    }

    /// <summary>
    /// Draws images from <paramref name="noise"/> (and, for a conditional generator,
    /// <paramref name="labels"/>) with the generator in evaluation mode and the averaged weights
    /// when <see cref="AdversarialTrainerOptions.EmaDecay"/> is on, as the sample grids do.
    /// </summary>
    /// <param name="noise">Latent vectors <c>[N, LatentDim]</c> on <see cref="Device"/>.</param>
    /// <param name="labels">int64 labels <c>[N]</c> on <see cref="Device"/> for a conditional generator; null for an unconditional one.</param>
    /// <returns>A tensor <c>[N, ..OutputShape]</c> without gradient; the caller owns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="noise"/> is null.</exception>
    /// <exception cref="ArgumentException">A tensor has the wrong shape or type.</exception>
    /// <exception cref="InvalidOperationException">Labels are missing for a conditional generator, or given to an unconditional one.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    public Tensor GenerateFrom(Tensor noise, Tensor? labels = null)
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
            var images = labels is null ? _generator.call(noise) : _generator.forward(noise, labels);
            return images.detach().MoveToOuterDisposeScope();
        }
        finally
        {
            _generator.train(wasTraining);
        }
    }

    /// <summary>Checks the two networks agree on labels: the same class count, and each side of a conditional pair able to use them.</summary>
    private static void CheckConditioning(GeneratorNetwork generator, DiscriminatorNetwork discriminator)
    {
        int? g = generator.ClassCount;
        int? d = discriminator.ClassCount;
        int? head = discriminator.AuxiliaryClassCount > 0 ? discriminator.AuxiliaryClassCount : null;
        if (g is null && (d is not null || head is not null))
        {
            throw new ArgumentException($"The discriminator {(d is not null ? $"reads labels of {d} classes" : $"classifies {head} classes")}, but the generator is unconditional, so generated images have no labels; add a label path to the generator (for example LabelEmbedding).", nameof(generator));
        }

        if (g is { } classes)
        {
            if (d is null && head is null)
            {
                throw new ArgumentException($"The generator is conditioned on {classes} classes, but the discriminator neither reads labels (LabelMaps, Projection) nor classifies (AuxiliaryClassifier), so nothing would teach the generator its labels.", nameof(discriminator));
            }

            if ((d is { } dc && dc != classes) || (head is { } hc && hc != classes))
            {
                throw new ArgumentException($"The generator is conditioned on {classes} classes, but the discriminator {(d is { } x && x != classes ? $"reads {x}" : $"classifies {head}")}; both must use the same classes.", nameof(discriminator));
            }
        }
    }

    private CheckpointStore CreateStore() =>
        new(Path.Combine(_options.OutputDirectory, CheckpointsFolderName), _options.KeepCheckpoints, _logger);
}
