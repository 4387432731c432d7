using System.Globalization;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using GanKit.Training;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// A long trainer run on tiny batches: resident memory and TorchSharp's live tensor count sampled
/// at fixed steps. A leak of one tensor per step shows as a growing count; native growth shows in
/// the resident size. Several epochs are run so that epoch ends (sample grids, history files,
/// checkpoints) are part of the run.
/// </summary>
public static class MemoryBenchmark
{
    /// <summary>The largest resident-memory growth after the warm-up the target allows.</summary>
    public const double MaxRssGrowth = 0.02;

    /// <summary>Runs the original architecture with the simultaneous scheme.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        var settings = context.Settings;
        int[] marks = settings.MemorySteps;
        int last = marks[^1];
        int epochs = (last + settings.MemoryStepsPerEpoch - 1) / settings.MemoryStepsPerEpoch;
        Console.WriteLine($"memory: {epochs} epochs of {settings.MemoryStepsPerEpoch} steps at batch {settings.MemoryBatchSize}, sampled at steps {string.Join(", ", marks)}");

        // Tensors the suites before this one dropped without disposing are finalised now, not in
        // the middle of the run, where they would move the count (a quick run read 685, then 683).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        string output = Path.Combine(context.ScratchDirectory, "memory");
        using var generator = Architecture.Original.CreateGenerator();
        using var discriminator = Architecture.Original.CreateDiscriminator();
        var options = new AdversarialTrainerOptions
        {
            Epochs = epochs,
            BatchSize = settings.MemoryBatchSize,
            MaxBatchesPerEpoch = settings.MemoryStepsPerEpoch,
            Device = CPU,
            OutputDirectory = output,
            KeepCheckpoints = 1,
        };
        var samples = new SortedDictionary<long, (long Rss, long Tensors)>();
        using (var trainer = new AdversarialTrainer(generator, discriminator, options))
        {
            trainer.StepCompleted += (_, e) =>
            {
                if (Array.IndexOf(marks, (int)e.Step) >= 0)
                {
                    // Count what is still reachable: tensors dropped without a dispose (a finished
                    // step's or epoch end's temporaries) would otherwise move the count with the
                    // finaliser's timing, while a leak stays and grows.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    samples[e.Step] = (ProcessMemory.ResidentBytes(), ProcessMemory.LiveTensors);
                }
            };
            trainer.Fit(context.Dataset);
        }

        Directory.Delete(output, recursive: true);
        foreach (var (step, (rss, tensors)) in samples)
        {
            context.Report.Add(new ResultRow("memory", $"trainer step {step}", "RSS MB", Stats.Single(rss / 1e6), $"original, batch {settings.MemoryBatchSize}"));
            context.Report.Add(new ResultRow("memory", $"trainer step {step}", "live tensors", Stats.Single(tensors), "torch.Tensor.TotalCount, inside the step's scope"));
        }

        // The warm-up ends at the second mark: libtorch's allocator and glibc's malloc settle into
        // their working set during the first few hundred steps (RSS rises, then stays flat), so
        // growth is judged from there; the growth from the first mark is reported beside it.
        var first = samples[marks[0]];
        var warm = samples[marks[1]];
        var end = samples[last];
        double warmupGrowth = (double)(warm.Rss - first.Rss) / first.Rss;
        double growth = (double)(end.Rss - warm.Rss) / warm.Rss;
        context.Report.Add(new ResultRow("memory", $"RSS growth, step {marks[0]} to {marks[1]} (warm-up)", "%", Stats.Single(100 * warmupGrowth), "allocator caches filling"));
        context.Report.Add(new ResultRow("memory", $"RSS growth, step {marks[1]} to {last}", "%", Stats.Single(100 * growth), $"{epochs - 1} epoch ends (sample grid, checkpoint) included"));
        context.Report.AddCheck(
            samples.Values.All(s => s.Tensors == first.Tensors),
            string.Create(CultureInfo.InvariantCulture, $"live tensors constant from step {marks[0]} to {last}: {string.Join(" / ", samples.Values.Select(s => s.Tensors))}"));
        context.Report.AddCheck(
            growth < MaxRssGrowth,
            string.Create(CultureInfo.InvariantCulture, $"RSS growth after the warm-up, step {marks[1]} to {last}: {100 * growth:+0.00;-0.00}% (target < {100 * MaxRssGrowth:0}%; step {marks[0]} to {marks[1]}: {100 * warmupGrowth:+0.0;-0.0}%)")
            + (settings.IsQuick ? " [quick run: too few steps to pass the warm-up; the full run's figure is the one that counts]" : string.Empty));
    }
}
