using GanKit.Metrics;

namespace GanKit.Mnist.Evaluation;

/// <summary>Settings of an <see cref="MnistEvaluator"/>; every report records the values it used.</summary>
public sealed class MnistEvaluatorOptions
{
    /// <summary>The default number of generated samples drawn from a generator.</summary>
    internal const int DefaultSampleCount = 10_000;

    /// <summary>The default seed of latent noise and KID subsets.</summary>
    internal const long DefaultSeed = 0;

    /// <summary>Gets or sets the number of KID subsets.</summary>
    /// <value>The default value is <see cref="KernelInceptionDistance.DefaultSubsets"/> (100).</value>
    public int KidSubsets { get; set; } = KernelInceptionDistance.DefaultSubsets;

    /// <summary>Gets or sets the samples per KID subset (capped at the smaller set's size).</summary>
    /// <value>The default value is <see cref="KernelInceptionDistance.DefaultSubsetSize"/> (1000).</value>
    public int KidSubsetSize { get; set; } = KernelInceptionDistance.DefaultSubsetSize;

    /// <summary>Gets or sets the number of splits of the classifier score.</summary>
    /// <value>The default value is <see cref="ClassifierScore.DefaultSplits"/> (10).</value>
    public int ClassifierScoreSplits { get; set; } = ClassifierScore.DefaultSplits;

    /// <summary>Gets or sets the neighbour count of precision and recall.</summary>
    /// <value>The default value is <see cref="PrecisionRecall.DefaultK"/> (3).</value>
    public int PrecisionRecallK { get; set; } = PrecisionRecall.DefaultK;

    /// <summary>Gets or sets the seed of latent noise (generator evaluation) and KID subsets.</summary>
    /// <value>The default value is 0.</value>
    public long Seed { get; set; } = DefaultSeed;

    /// <summary>Gets or sets the images per forward pass of the generator and the classifier.</summary>
    /// <value>The default value is <see cref="FeatureExtraction.DefaultBatchSize"/> (500).</value>
    public int BatchSize { get; set; } = FeatureExtraction.DefaultBatchSize;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and its value.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(KidSubsets, nameof(KidSubsets));
        ArgumentOutOfRangeException.ThrowIfLessThan(KidSubsetSize, 2, nameof(KidSubsetSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClassifierScoreSplits, nameof(ClassifierScoreSplits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PrecisionRecallK, nameof(PrecisionRecallK));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
    }

    internal MnistEvaluatorOptions Clone() => (MnistEvaluatorOptions)MemberwiseClone();
}
