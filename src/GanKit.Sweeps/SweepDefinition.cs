namespace GanKit.Sweeps;

/// <summary>
/// A parsed sweep file: the fixed parameters, the grid and the seeds whose every combination is
/// one run.
/// </summary>
/// <remarks>
/// <para>The file is JSON with these keys, plus the top-level settings of the host's
/// <see cref="SweepSchema"/> (all others are rejected):</para>
/// <code>
/// {
///   "name": "learning-rates",                 // optional; defaults to the file name
///   "seeds": [1, 2, 3],                       // required, non-empty, distinct
///   "fixed": { "batchSize": 128 },            // optional; one value per parameter
///   "grid": { "learningRate": [0.0002, 0.0001], "loss": ["NonSaturating", "Hinge"] }
/// }
/// </code>
/// <para>Parameter names and types in <c>fixed</c> and <c>grid</c> come from the schema too. A
/// sweep may hold at most <see cref="MaxRunCount"/> runs.</para>
/// </remarks>
public sealed partial class SweepDefinition
{
    /// <summary>
    /// Gets the most runs one sweep may hold: 100,000. Every run is a training run with its own
    /// folder and an entry in <c>plan.json</c>; a grid beyond this is almost always a typo, and
    /// would write a plan of hundreds of megabytes before anything trains.
    /// </summary>
    public static long MaxRunCount { get; } = 100_000;

    internal SweepDefinition(
        string name,
        IReadOnlyList<long> seeds,
        IReadOnlyList<KeyValuePair<string, SweepValue>> fixedParameters,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<SweepValue>>> grid,
        IReadOnlyDictionary<string, SweepValueKind> parameterKinds)
    {
        Name = name;
        Seeds = seeds;
        FixedParameters = fixedParameters;
        Grid = grid;
        ParameterKinds = parameterKinds;
    }

    /// <summary>Gets the sweep's name.</summary>
    public string Name { get; }

    /// <summary>Gets the seeds, in file order.</summary>
    public IReadOnlyList<long> Seeds { get; }

    /// <summary>Gets the parameters every run shares (fixed ones and single-valued settings), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, SweepValue>> FixedParameters { get; }

    /// <summary>Gets the varied parameters and their values: list settings first, in schema order, then the grid in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<SweepValue>>> Grid { get; }

    /// <summary>Gets the declared type of every parameter the file sets.</summary>
    public IReadOnlyDictionary<string, SweepValueKind> ParameterKinds { get; }

    /// <summary>Gets the number of distinct configurations (the product of the grid's value counts).</summary>
    public long ConfigurationCount => CountConfigurations(Grid.Select(axis => axis.Value.Count));

    /// <summary>Gets the number of runs (configurations times seeds); at most <see cref="MaxRunCount"/>.</summary>
    public long RunCount => ConfigurationCount * Seeds.Count;

    /// <summary>The product of the counts, or <see cref="long.MaxValue"/> when it does not fit in 64 bits.</summary>
    internal static long CountConfigurations(IEnumerable<int> counts)
    {
        long product = 1;
        foreach (int count in counts)
        {
            if (count != 0 && product > long.MaxValue / count)
            {
                return long.MaxValue;
            }

            product *= count;
        }

        return product;
    }
}
