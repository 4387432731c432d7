using System.Diagnostics;
using GanKit.Benchmarks.Harness;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// The machine's practical single-precision limit: GFLOP/s of a large square <c>matmul</c>
/// (2 n^3 FLOPs), the best case for libtorch's CPU kernels.
/// </summary>
public static class MatmulBenchmark
{
    /// <summary>Gets the median GFLOP/s of the last run, for the training rows to compare against.</summary>
    public static double? MedianGflops { get; private set; }

    /// <summary>Runs the benchmark and records one row.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        int n = context.Settings.MatmulSize;
        using var a = randn(n, n);
        using var b = randn(n, n);
        double flops = 2.0 * n * n * n;

        // Enough multiplies per round to last about half a second, so timer resolution and the
        // call's fixed cost do not matter; the probe follows one untimed product, which pays for the
        // first call's set-up.
        a.matmul(b).Dispose();
        var probe = Stopwatch.StartNew();
        a.matmul(b).Dispose();
        int repeats = Math.Max(1, (int)(0.5 / Math.Max(probe.Elapsed.TotalSeconds, 1e-4)));

        var gflops = Interleaved.Repeat(1, context.Settings.SimpleRounds, () =>
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < repeats; i++)
            {
                a.matmul(b).Dispose();
            }

            return flops * repeats / clock.Elapsed.TotalSeconds / 1e9;
        });
        var stats = Stats.Of(gflops);
        MedianGflops = stats.Median;
        context.Report.Add(new ResultRow("matmul", $"{n}x{n} float32", "GFLOP/s", stats, $"{repeats} products per round, {get_num_threads()} torch threads"));
    }
}
