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
    /// <summary>Runs the benchmark and records one row.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        int n = context.Settings.MatmulSize;
        var (stats, repeats) = Measure(n, context.Settings.SimpleRounds);
        context.Report.Add(new ResultRow("matmul", $"{n}x{n} float32", "GFLOP/s", stats, $"{repeats} products per round, {get_num_threads()} torch threads"));
    }

    /// <summary>
    /// Times rounds of about half a second of <paramref name="n"/> x <paramref name="n"/> products.
    /// The training rows call this right after each case too: on a shared machine the limit itself
    /// moves by a third from one minute to the next, so only a figure taken at the same time is a fair
    /// yardstick.
    /// </summary>
    /// <param name="n">The side of the square matrices.</param>
    /// <param name="rounds">Recorded rounds, after one unrecorded one.</param>
    /// <returns>GFLOP/s per round, and the products in each round.</returns>
    public static (Stats Gflops, int Repeats) Measure(int n, int rounds)
    {
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

        var gflops = Interleaved.Repeat(1, rounds, () =>
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < repeats; i++)
            {
                a.matmul(b).Dispose();
            }

            return flops * repeats / clock.Elapsed.TotalSeconds / 1e9;
        });
        return (Stats.Of(gflops), repeats);
    }
}
