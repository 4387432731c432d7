namespace GanKit.Benchmarks.Harness;

/// <summary>
/// Runs two competing measurements in alternation, so that whatever else the machine does at the
/// time (other builds, thermal changes, page cache) affects both sides alike.
/// </summary>
public static class Interleaved
{
    /// <summary>
    /// Runs <paramref name="warmupRounds"/> unrecorded rounds of each side, then
    /// <paramref name="rounds"/> recorded rounds. Round order alternates A B, B A, A B ... so neither
    /// side always runs right after the other one's allocations.
    /// </summary>
    /// <param name="warmupRounds">Rounds run first and discarded (JIT, libtorch's allocator, caches).</param>
    /// <param name="rounds">Recorded rounds; at least 1.</param>
    /// <param name="a">One round of side A, returning its figure.</param>
    /// <param name="b">One round of side B, returning its figure.</param>
    /// <param name="onRound">Called after every recorded round with its index and both figures.</param>
    /// <returns>The recorded figures of each side, in round order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounds"/> is below 1 or <paramref name="warmupRounds"/> is negative.</exception>
    public static (double[] A, double[] B) Run(int warmupRounds, int rounds, Func<double> a, Func<double> b, Action<int, double, double>? onRound = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var results = Run(warmupRounds, rounds, [a, b], onRound is null ? null : (i, figures) => onRound(i, figures[0], figures[1]));
        return (results[0], results[1]);
    }

    /// <summary>
    /// Runs <paramref name="warmupRounds"/> unrecorded rounds of every side, then
    /// <paramref name="rounds"/> recorded rounds. Each round starts one side later than the one before
    /// (A B C, B C A, C A B ...), so no side always runs right after the same other one.
    /// </summary>
    /// <param name="warmupRounds">Rounds run first and discarded (JIT, libtorch's allocator, caches).</param>
    /// <param name="rounds">Recorded rounds; at least 1.</param>
    /// <param name="sides">One round of each side, returning its figure; at least one.</param>
    /// <param name="onRound">Called after every recorded round with its index and the figures of all sides.</param>
    /// <returns>The recorded figures of each side (in the order of <paramref name="sides"/>), in round order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounds"/> is below 1 or <paramref name="warmupRounds"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="sides"/> is empty.</exception>
    public static double[][] Run(int warmupRounds, int rounds, IReadOnlyList<Func<double>> sides, Action<int, double[]>? onRound = null)
    {
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupRounds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        if (sides.Count == 0)
        {
            throw new ArgumentException("At least one side is needed.", nameof(sides));
        }

        for (int i = 0; i < warmupRounds; i++)
        {
            foreach (var side in sides)
            {
                side();
            }
        }

        var results = sides.Select(_ => new double[rounds]).ToArray();
        for (int i = 0; i < rounds; i++)
        {
            for (int k = 0; k < sides.Count; k++)
            {
                int side = (i + k) % sides.Count;
                results[side][i] = sides[side]();
            }

            onRound?.Invoke(i, results.Select(r => r[i]).ToArray());
        }

        return results;
    }

    /// <summary>Runs one measurement <paramref name="warmupRounds"/> times unrecorded, then <paramref name="rounds"/> times.</summary>
    /// <param name="warmupRounds">Discarded rounds.</param>
    /// <param name="rounds">Recorded rounds; at least 1.</param>
    /// <param name="measure">One round, returning its figure.</param>
    /// <returns>The recorded figures.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounds"/> is below 1 or <paramref name="warmupRounds"/> is negative.</exception>
    public static double[] Repeat(int warmupRounds, int rounds, Func<double> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupRounds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        for (int i = 0; i < warmupRounds; i++)
        {
            measure();
        }

        return Enumerable.Range(0, rounds).Select(_ => measure()).ToArray();
    }
}
