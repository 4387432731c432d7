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
        ArgumentOutOfRangeException.ThrowIfNegative(warmupRounds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        for (int i = 0; i < warmupRounds; i++)
        {
            a();
            b();
        }

        var resultsA = new double[rounds];
        var resultsB = new double[rounds];
        for (int i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                resultsA[i] = a();
                resultsB[i] = b();
            }
            else
            {
                resultsB[i] = b();
                resultsA[i] = a();
            }

            onRound?.Invoke(i, resultsA[i], resultsB[i]);
        }

        return (resultsA, resultsB);
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
