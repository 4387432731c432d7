using System.Globalization;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using GanKit.Training;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// Whether another libtorch thread count than the default helps the presets: the hand-written loop
/// on the original networks, simultaneous updates, at 1, 2 and 4 intra-op threads, switched
/// between interleaved rounds in one process. Restores the thread count it found.
/// </summary>
public static class ThreadCountBenchmark
{
    private static readonly int[] Counts = [1, 2, 4];

    /// <summary>Runs the comparison.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        var settings = context.Settings;
        int original = get_num_threads();
        int steps = settings.BatchesPerRound;
        double images = (double)settings.BatchSize * steps;
        Console.WriteLine($"threads: original/simultaneous, batch {settings.BatchSize}, {settings.WarmupRounds} warm-up + {settings.Rounds} rounds of {steps} steps at {string.Join(", ", Counts)} threads");
        using var loop = new HandWrittenLoop(LoopNetworks.GanKitModules(Architecture.Original), context.Dataset.Images, settings.BatchSize, UpdateScheme.Simultaneous);
        var cpu = Counts.ToDictionary(c => c, _ => new List<double>());
        try
        {
            var walls = Interleaved.Run(
                settings.WarmupRounds,
                settings.Rounds,
                Counts.Select(count => (Func<double>)(() =>
                {
                    set_num_threads(count);
                    var time = loop.RunRound(steps);
                    cpu[count].Add(time.CpuSeconds);
                    return time.WallSeconds;
                })).ToArray());
            int reference = Array.IndexOf(Counts, 2);
            for (int i = 0; i < Counts.Length; i++)
            {
                var ratios = Stats.Of(walls[reference].Zip(walls[i], (two, other) => two / other).ToArray());
                var cpuSeconds = Stats.Of(cpu[Counts[i]].Skip(settings.WarmupRounds).Select(s => s / steps).ToArray());
                context.Report.Add(new ResultRow("threads", $"{Counts[i]} threads", "images/s", Stats.Of(walls[i].Select(s => images / s).ToArray()), $"original/simultaneous, hand-written loop, batch {settings.BatchSize}"));
                context.Report.Add(new ResultRow("threads", $"{Counts[i]} threads / over 2 threads", "throughput ratio", ratios, string.Create(CultureInfo.InvariantCulture, $"median of the per-round ratios; process CPU {cpuSeconds.Median:0.00} s per step")));
            }
        }
        finally
        {
            set_num_threads(original);
        }
    }
}
