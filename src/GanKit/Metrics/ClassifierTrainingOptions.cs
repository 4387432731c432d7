namespace GanKit.Metrics;

/// <summary>How <see cref="ClassifierFeatureExtractor.Train"/> trains its classifier: the MNIST recipe's schedule.</summary>
public sealed class ClassifierTrainingOptions
{
    /// <summary>Default of <see cref="Epochs"/>: 4, the MNIST recipe's.</summary>
    internal const int DefaultEpochs = 4;

    /// <summary>Default of <see cref="BatchSize"/>: 64.</summary>
    internal const int DefaultBatchSize = 64;

    /// <summary>Default of <see cref="LearningRate"/>: 1e-3 (Adam), halved after every epoch.</summary>
    internal const double DefaultLearningRate = 1e-3;

    /// <summary>Default of <see cref="Seed"/>.</summary>
    internal const long DefaultSeed = 20_240_607;

    /// <summary>Gets or sets the number of passes over the images.</summary>
    /// <value>The default value is 4. Must be at least 1.</value>
    public int Epochs { get; set; } = DefaultEpochs;

    /// <summary>Gets or sets the images per step.</summary>
    /// <value>The default value is 64. Must be at least 1.</value>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Gets or sets the first epoch's Adam step size; each later epoch halves it.</summary>
    /// <value>The default value is 1e-3. Must be positive.</value>
    public double LearningRate { get; set; } = DefaultLearningRate;

    /// <summary>Gets or sets the seed of the initial weights, the batch order and dropout.</summary>
    /// <value>The default value is 20240607.</value>
    public long Seed { get; set; } = DefaultSeed;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    internal void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"Epochs must be at least 1; got {Epochs}.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"BatchSize must be at least 1; got {BatchSize}.");
        }

        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"LearningRate must be positive and finite; got {LearningRate}.");
        }
    }

    internal ClassifierTrainingOptions Clone() => (ClassifierTrainingOptions)MemberwiseClone();
}
