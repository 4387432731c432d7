using System.Diagnostics;

namespace GanKit.Benchmarks;

/// <summary>Times a case several times and prints median, min and max, the figures worth comparing across machines.</summary>
internal static class Measure
{
    /// <summary>Runs <paramref name="action"/> once untimed (JIT, caches), then <paramref name="runs"/> times timed.</summary>
    /// <returns>The median in milliseconds.</returns>
    public static double Case(TextWriter output, string benchmark, string label, int runs, Action action)
    {
        action();
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            // Collect first so one run's garbage is not charged to the next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        double median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        output.WriteLine($"{benchmark,-12} {label,-34} median {median,8:F1} ms   min {times[0],8:F1} ms   max {times[^1],8:F1} ms   (n={runs})");
        return median;
    }
}
