using GanKit.Losses;
using GanKit.Regularization;
using static TorchSharp.torch;

namespace GanKit.Training;

/// <summary>
/// Settings of an <see cref="AdversarialTrainer"/>. The defaults are the Keras DCGAN tutorial's
/// training: its simultaneous step, non-saturating loss, Adam at 1e-4 for both
/// networks with Keras's moments and epsilon, batches of 256 for 50 epochs, and a 4x4 grid of 16
/// fixed noise vectors sampled after each epoch.
/// </summary>
/// <remarks>
/// The latent size is not set here: it is the generator's (<c>GeneratorNetwork.LatentDim</c>, 100 in
/// the MNIST presets). Options are checked when the trainer is constructed; each violation
/// raises an <see cref="ArgumentOutOfRangeException"/> that names the option and the value.
/// </remarks>
public sealed class AdversarialTrainerOptions
{
    /// <summary>Default of <see cref="Epochs"/>: 50, as the Keras DCGAN tutorial.</summary>
    internal const int DefaultEpochs = 50;

    /// <summary>Default of <see cref="BatchSize"/>: 256, as the Keras DCGAN tutorial.</summary>
    internal const int DefaultBatchSize = 256;

    /// <summary>Default of <see cref="MaxBatchesPerEpoch"/>: 0, meaning every batch.</summary>
    internal const int DefaultMaxBatchesPerEpoch = 0;

    /// <summary>Default of <see cref="Seed"/>.</summary>
    internal const long DefaultSeed = 42;

    /// <summary>Default of <see cref="OutputDirectory"/>.</summary>
    internal const string DefaultOutputDirectory = "runs/gan";

    /// <summary>Default of <see cref="GeneratorLearningRate"/> and <see cref="DiscriminatorLearningRate"/>: 1e-4, as the Keras DCGAN tutorial.</summary>
    internal const double DefaultLearningRate = 1e-4;

    /// <summary>Default of <see cref="GeneratorBeta1"/> and <see cref="DiscriminatorBeta1"/>: 0.9, Keras's Adam default.</summary>
    internal const double DefaultBeta1 = 0.9;

    /// <summary>Default of <see cref="GeneratorBeta2"/> and <see cref="DiscriminatorBeta2"/>: 0.999, Keras's Adam default.</summary>
    internal const double DefaultBeta2 = 0.999;

    /// <summary>Default of <see cref="AdamEpsilon"/>: 1e-7, Keras's (PyTorch's is 1e-8).</summary>
    internal const double DefaultAdamEpsilon = 1e-7;

    /// <summary>Default of <see cref="UpdateScheme"/>: <see cref="Training.UpdateScheme.Simultaneous"/>, as the Keras DCGAN tutorial.</summary>
    internal const UpdateScheme DefaultUpdateScheme = Training.UpdateScheme.Simultaneous;

    /// <summary>Default of <see cref="DiscriminatorSteps"/>: 1.</summary>
    internal const int DefaultDiscriminatorSteps = 1;

    /// <summary>Default of <see cref="FakeLabels"/>: uniform over the classes.</summary>
    internal const FakeLabelSampling DefaultFakeLabels = FakeLabelSampling.Uniform;

    /// <summary>Default of <see cref="SamplesPerClass"/>: 10.</summary>
    internal const int DefaultSamplesPerClass = 10;

    /// <summary>Default of <see cref="SampleCount"/>: 16, shown as a 4x4 grid.</summary>
    internal const int DefaultSampleCount = 16;

    /// <summary>Default of <see cref="LogEvery"/>: 50 steps.</summary>
    internal const int DefaultLogEvery = 50;

    /// <summary>Default of <see cref="KeepCheckpoints"/>: 3.</summary>
    internal const int DefaultKeepCheckpoints = 3;

    /// <summary>Default of <see cref="EmaDecay"/>: 0, meaning no moving average.</summary>
    internal const double DefaultEmaDecay = 0.0;

    /// <summary>Default of <see cref="Resume"/>: false.</summary>
    internal const bool DefaultResume = false;

    /// <summary>Default of <see cref="DropLastBatch"/>: false, as Keras's <c>Dataset.batch</c>.</summary>
    internal const bool DefaultDropLastBatch = false;

    /// <summary>Gets or sets the number of epochs the run ends after (counting epochs done before a resume).</summary>
    /// <value>The default value is 50. Must be at least 1.</value>
    public int Epochs { get; set; } = DefaultEpochs;

    /// <summary>Gets or sets the number of real images per step, and of noise vectors per generator pass.</summary>
    /// <value>The default value is 256. Must be at least 1.</value>
    /// <remarks>
    /// As in the Keras tutorial, the generator always draws a full batch of noise, also for the
    /// epoch's last, smaller batch of real images.
    /// </remarks>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Gets or sets a cap on the batches of each epoch, for quick runs; 0 for no cap.</summary>
    /// <value>The default value is 0. Must not be negative.</value>
    public int MaxBatchesPerEpoch { get; set; } = DefaultMaxBatchesPerEpoch;

    /// <summary>Gets or sets the seed of the run: torch's global generator, each epoch's shuffle and the fixed sample noise derive from it.</summary>
    /// <value>The default value is 42. Must not be negative.</value>
    public long Seed { get; set; } = DefaultSeed;

    /// <summary>Gets or sets the folder receiving <c>samples/</c>, <c>metrics.csv</c>, <c>history.json</c> and <c>checkpoints/</c>.</summary>
    /// <value>The default value is <c>runs/gan</c>. Must not be empty.</value>
    public string OutputDirectory { get; set; } = DefaultOutputDirectory;

    /// <summary>Gets or sets the adversarial loss.</summary>
    /// <value>The default value is a <see cref="NonSaturatingLoss"/>, as the Keras DCGAN tutorial. Must not be null.</value>
    public IAdversarialLoss Loss { get; set; } = new NonSaturatingLoss();

    /// <summary>Gets or sets an input-gradient penalty added to the discriminator's loss, or null for none.</summary>
    /// <value>The default value is null (no penalty).</value>
    public IDiscriminatorPenalty? Penalty { get; set; }

    /// <summary>
    /// Gets or sets the classification loss added to both networks when the discriminator ends with
    /// an auxiliary classifier head (AC-GAN); null for the paper's, weight 1. Ignored otherwise.
    /// </summary>
    /// <value>The default value is null (<c>new AuxiliaryClassifierLoss()</c> when needed).</value>
    public AuxiliaryClassifierLoss? AuxiliaryLoss { get; set; }

    /// <summary>Gets or sets how a conditional run draws the labels of generated images.</summary>
    /// <value>The default value is <see cref="FakeLabelSampling.Uniform"/>.</value>
    public FakeLabelSampling FakeLabels { get; set; } = DefaultFakeLabels;

    /// <summary>
    /// Gets or sets the columns of a conditional run's sample grid: one row per class, each column
    /// one fixed noise vector across the rows (10 columns and 10 classes make MNIST's 10x10 grid).
    /// An unconditional run uses <see cref="SampleCount"/> instead.
    /// </summary>
    /// <value>The default value is 10. Must be at least 1.</value>
    public int SamplesPerClass { get; set; } = DefaultSamplesPerClass;

    /// <summary>Gets or sets how a step updates the networks.</summary>
    /// <value>The default value is <see cref="Training.UpdateScheme.Simultaneous"/>.</value>
    public UpdateScheme UpdateScheme { get; set; } = DefaultUpdateScheme;

    /// <summary>Gets or sets the discriminator steps per generator step; more than 1 needs <see cref="Training.UpdateScheme.Alternating"/>.</summary>
    /// <value>The default value is 1. Must be at least 1.</value>
    public int DiscriminatorSteps { get; set; } = DefaultDiscriminatorSteps;

    /// <summary>Gets or sets the device to train on; null picks CUDA when available, otherwise the CPU.</summary>
    /// <value>The default value is null.</value>
    public Device? Device { get; set; }

    /// <summary>Gets or sets the generator's Adam learning rate.</summary>
    /// <value>The default value is 1e-4. Must be positive and finite.</value>
    public double GeneratorLearningRate { get; set; } = DefaultLearningRate;

    /// <summary>Gets or sets the discriminator's Adam learning rate.</summary>
    /// <value>The default value is 1e-4. Must be positive and finite.</value>
    public double DiscriminatorLearningRate { get; set; } = DefaultLearningRate;

    /// <summary>Gets or sets the generator's Adam first-moment decay.</summary>
    /// <value>The default value is 0.9. Must be in [0, 1).</value>
    public double GeneratorBeta1 { get; set; } = DefaultBeta1;

    /// <summary>Gets or sets the generator's Adam second-moment decay.</summary>
    /// <value>The default value is 0.999. Must be in [0, 1).</value>
    public double GeneratorBeta2 { get; set; } = DefaultBeta2;

    /// <summary>Gets or sets the discriminator's Adam first-moment decay.</summary>
    /// <value>The default value is 0.9. Must be in [0, 1).</value>
    public double DiscriminatorBeta1 { get; set; } = DefaultBeta1;

    /// <summary>Gets or sets the discriminator's Adam second-moment decay.</summary>
    /// <value>The default value is 0.999. Must be in [0, 1).</value>
    public double DiscriminatorBeta2 { get; set; } = DefaultBeta2;

    /// <summary>Gets or sets Adam's epsilon for both networks.</summary>
    /// <value>The default value is 1e-7. Must be positive and finite.</value>
    /// <remarks>
    /// TorchSharp's Adam adds epsilon to the bias-corrected root of the second moment, Keras to the
    /// uncorrected one; with 1e-7 the two differ only while that moment is near zero.
    /// </remarks>
    public double AdamEpsilon { get; set; } = DefaultAdamEpsilon;

    /// <summary>Gets or sets the number of fixed noise vectors sampled after each epoch (a conditional run uses <see cref="SamplesPerClass"/> per class instead).</summary>
    /// <value>The default value is 16. Must be at least 1.</value>
    public int SampleCount { get; set; } = DefaultSampleCount;

    /// <summary>
    /// Gets or sets how often, in steps, the device's running loss sums are read back, reported to
    /// <see cref="IProgress{T}"/> and checked for divergence; between reads a GPU step never waits on the host.
    /// </summary>
    /// <value>The default value is 50. Must be at least 1.</value>
    public int LogEvery { get; set; } = DefaultLogEvery;

    /// <summary>Gets or sets how many of the newest checkpoints are kept.</summary>
    /// <value>The default value is 3. Must be at least 1.</value>
    public int KeepCheckpoints { get; set; } = DefaultKeepCheckpoints;

    /// <summary>
    /// Gets or sets the decay of an exponential moving average of the generator's weights used for
    /// samples and <see cref="AdversarialTrainer.Generate(int)"/>; 0 turns the average off.
    /// </summary>
    /// <value>The default value is 0, off. Must be in [0, 1); 0.999 is a common choice.</value>
    public double EmaDecay { get; set; } = DefaultEmaDecay;

    /// <summary>Gets or sets whether <see cref="O:GanKit.Training.AdversarialTrainer.Fit"/> continues from the newest valid checkpoint under <see cref="OutputDirectory"/>.</summary>
    /// <value>The default value is false. With no valid checkpoint the run starts fresh.</value>
    public bool Resume { get; set; } = DefaultResume;

    /// <summary>Gets or sets whether an epoch's last, smaller batch is dropped.</summary>
    /// <value>The default value is false.</value>
    public bool DropLastBatch { get; set; } = DefaultDropLastBatch;

    /// <summary>
    /// Gets or sets how the generator's optimiser is made from its parameters (SGD, RMSprop, AdamW or
    /// one of your own deriving from TorchSharp's <c>OptimizerHelper</c>, which checkpoints can save);
    /// null for Adam with <see cref="GeneratorLearningRate"/>, <see cref="GeneratorBeta1"/>,
    /// <see cref="GeneratorBeta2"/> and <see cref="AdamEpsilon"/> (Keras's settings).
    /// </summary>
    /// <value>The default value is null (Adam).</value>
    /// <remarks>Called once, after the network has moved to the training device. With a factory the learning-rate and Adam options above are not used for this network.</remarks>
    public Func<IEnumerable<TorchSharp.Modules.Parameter>, TorchSharp.Modules.OptimizerHelper>? GeneratorOptimizer { get; set; }

    /// <summary>
    /// Gets or sets how the discriminator's optimiser is made from its parameters; null for Adam with
    /// <see cref="DiscriminatorLearningRate"/>, <see cref="DiscriminatorBeta1"/>,
    /// <see cref="DiscriminatorBeta2"/> and <see cref="AdamEpsilon"/>.
    /// </summary>
    /// <value>The default value is null (Adam).</value>
    public Func<IEnumerable<TorchSharp.Modules.Parameter>, TorchSharp.Modules.OptimizerHelper>? DiscriminatorOptimizer { get; set; }

    /// <summary>
    /// Gets or sets the step each batch runs, your own or one of <see cref="Steps.SimultaneousStep"/> and
    /// <see cref="Steps.AlternatingStep"/>; null for the one <see cref="UpdateScheme"/> and
    /// <see cref="DiscriminatorSteps"/> describe.
    /// </summary>
    /// <value>The default value is null.</value>
    public Steps.ITrainingStep? TrainingStep { get; set; }

    /// <summary>
    /// Gets or sets the callbacks of the run, in the order they run; null for
    /// <see cref="Callbacks.TrainingCallbacks.Defaults"/> (sample grids, history files, checkpoints,
    /// progress GIF). Leave one out to turn it off; without a <see cref="Callbacks.CheckpointCallback"/>
    /// a run writes no checkpoints.
    /// </summary>
    /// <value>The default value is null (the built-in callbacks).</value>
    public IList<Callbacks.ITrainingCallback>? Callbacks { get; set; }

    /// <summary>
    /// Gets or sets how often, in steps, the default callbacks also checkpoint inside an epoch, so a
    /// killed run loses at most that many steps; 0 for epoch ends only. Not used when
    /// <see cref="Callbacks"/> is set: give its <see cref="Callbacks.CheckpointCallback"/> the interval instead.
    /// </summary>
    /// <value>The default value is 0. Must not be negative.</value>
    public int CheckpointEverySteps { get; set; }

    /// <summary>Gets or sets the generator's learning-rate schedule, or null for a constant rate.</summary>
    /// <value>The default value is null.</value>
    public LearningRateSchedule? GeneratorSchedule { get; set; }

    /// <summary>Gets or sets the discriminator's learning-rate schedule, or null for a constant rate.</summary>
    /// <value>The default value is null.</value>
    public LearningRateSchedule? DiscriminatorSchedule { get; set; }

    /// <summary>Returns a shallow copy, so later changes to this instance do not reach a trainer.</summary>
    /// <returns>The copy.</returns>
    internal AdversarialTrainerOptions Clone() => (AdversarialTrainerOptions)MemberwiseClone();

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Loss"/> or <see cref="OutputDirectory"/> is null.</exception>
    internal void Validate()
    {
        AtLeast(Epochs, 1, nameof(Epochs));
        AtLeast(BatchSize, 1, nameof(BatchSize));
        AtLeast(MaxBatchesPerEpoch, 0, nameof(MaxBatchesPerEpoch));
        if (Seed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Seed), Seed, $"{nameof(Seed)} must not be negative; got {Seed}.");
        }

        if (OutputDirectory is null)
        {
            throw new ArgumentNullException(nameof(OutputDirectory), $"{nameof(OutputDirectory)} must be set.");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentOutOfRangeException(nameof(OutputDirectory), OutputDirectory, $"{nameof(OutputDirectory)} must not be empty; got '{OutputDirectory}'.");
        }

        if (Loss is null)
        {
            throw new ArgumentNullException(nameof(Loss), $"{nameof(Loss)} must be set.");
        }

        if (!Enum.IsDefined(UpdateScheme))
        {
            throw new ArgumentOutOfRangeException(nameof(UpdateScheme), UpdateScheme, $"{nameof(UpdateScheme)} must be Simultaneous or Alternating; got {UpdateScheme}.");
        }

        AtLeast(DiscriminatorSteps, 1, nameof(DiscriminatorSteps));
        if (DiscriminatorSteps > 1 && UpdateScheme == UpdateScheme.Simultaneous)
        {
            throw new ArgumentOutOfRangeException(nameof(DiscriminatorSteps), DiscriminatorSteps, $"{nameof(DiscriminatorSteps)} must be 1 with {nameof(UpdateScheme)}.Simultaneous, where both networks update from one pass; got {DiscriminatorSteps}. Use {nameof(UpdateScheme)}.Alternating for several discriminator steps.");
        }

        Positive(GeneratorLearningRate, nameof(GeneratorLearningRate));
        Positive(DiscriminatorLearningRate, nameof(DiscriminatorLearningRate));
        Positive(AdamEpsilon, nameof(AdamEpsilon));
        UnitInterval(GeneratorBeta1, nameof(GeneratorBeta1));
        UnitInterval(GeneratorBeta2, nameof(GeneratorBeta2));
        UnitInterval(DiscriminatorBeta1, nameof(DiscriminatorBeta1));
        UnitInterval(DiscriminatorBeta2, nameof(DiscriminatorBeta2));
        UnitInterval(EmaDecay, nameof(EmaDecay));
        AtLeast(SampleCount, 1, nameof(SampleCount));
        AtLeast(SamplesPerClass, 1, nameof(SamplesPerClass));
        if (!Enum.IsDefined(FakeLabels))
        {
            throw new ArgumentOutOfRangeException(nameof(FakeLabels), FakeLabels, "FakeLabels must be Uniform or ClassFrequencies.");
        }
        AtLeast(LogEvery, 1, nameof(LogEvery));
        AtLeast(KeepCheckpoints, 1, nameof(KeepCheckpoints));
        AtLeast(CheckpointEverySteps, 0, nameof(CheckpointEverySteps));
    }

    private static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}; got {value}.");
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite; got {value}.");
        }
    }

    private static void UnitInterval(double value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1); got {value}.");
        }
    }
}
