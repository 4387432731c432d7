namespace GanKit.Sweeps;

/// <summary>
/// A parsed sweep file: the architectures, the parameter grid, the fixed parameters and the seeds
/// whose every combination is one run.
/// </summary>
/// <remarks>
/// <para>The file is JSON with these keys (all others are rejected):</para>
/// <code>
/// {
///   "name": "learning-rates",                 // optional; defaults to the file name
///   "architectures": ["original", "modified"],// required, non-empty
///   "seeds": [1, 2, 3],                       // required, non-empty, distinct
///   "epochs": 5,                              // required, at least 1
///   "maxBatchesPerEpoch": 50,                 // optional cap for quick sweeps
///   "evaluationSamples": 2000,                // optional; default 10000
///   "fixed": { "batchSize": 128 },            // optional; one value per parameter
///   "grid": { "generatorLearningRate": [0.0002, 0.0001], "loss": ["NonSaturating", "Hinge"] }
/// }
/// </code>
/// <para>Parameter names and types in <c>fixed</c> and <c>grid</c> come from the
/// <see cref="SweepSchema"/> of the application running the sweep.</para>
/// </remarks>
public sealed partial class SweepDefinition
{
    /// <summary>The number of generated images each run is evaluated on when the file does not say.</summary>
    public const int DefaultEvaluationSamples = 10_000;

    internal static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "name", "architectures", "seeds", "epochs", "maxBatchesPerEpoch", "evaluationSamples", "fixed", "grid",
    };

    internal SweepDefinition(
        string name,
        IReadOnlyList<string> architectures,
        IReadOnlyList<long> seeds,
        int epochs,
        int? maxBatchesPerEpoch,
        int evaluationSamples,
        IReadOnlyList<KeyValuePair<string, SweepValue>> fixedParameters,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<SweepValue>>> grid,
        IReadOnlyDictionary<string, SweepValueKind> parameterKinds)
    {
        Name = name;
        Architectures = architectures;
        Seeds = seeds;
        Epochs = epochs;
        MaxBatchesPerEpoch = maxBatchesPerEpoch;
        EvaluationSamples = evaluationSamples;
        FixedParameters = fixedParameters;
        Grid = grid;
        ParameterKinds = parameterKinds;
    }

    /// <summary>Gets the sweep's name.</summary>
    public string Name { get; }

    /// <summary>Gets the architectures, in file order.</summary>
    public IReadOnlyList<string> Architectures { get; }

    /// <summary>Gets the seeds, in file order.</summary>
    public IReadOnlyList<long> Seeds { get; }

    /// <summary>Gets the number of epochs every run trains.</summary>
    public int Epochs { get; }

    /// <summary>Gets the cap on batches per epoch, or null for full epochs.</summary>
    public int? MaxBatchesPerEpoch { get; }

    /// <summary>Gets the number of generated images each run is evaluated on.</summary>
    public int EvaluationSamples { get; }

    /// <summary>Gets the parameters every run shares, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, SweepValue>> FixedParameters { get; }

    /// <summary>Gets the varied parameters and their values, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<SweepValue>>> Grid { get; }

    /// <summary>Gets the declared type of every parameter the file sets.</summary>
    public IReadOnlyDictionary<string, SweepValueKind> ParameterKinds { get; }

    /// <summary>Gets the number of distinct configurations (architectures times grid points).</summary>
    public int ConfigurationCount => Architectures.Count * Grid.Aggregate(1, (product, axis) => product * axis.Value.Count);

    /// <summary>Gets the number of runs (configurations times seeds).</summary>
    public int RunCount => ConfigurationCount * Seeds.Count;
}
