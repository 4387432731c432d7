using System.Diagnostics;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>Images per second a generator produces in evaluation mode without gradients.</summary>
public static class GeneratorInferenceBenchmark
{
    /// <summary>Runs both architectures.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        int batch = context.Settings.InferenceBatch;
        foreach (var architecture in Architecture.All)
        {
            using var generator = architecture.CreateGenerator();
            generator.eval();
            var rates = Interleaved.Repeat(1, context.Settings.SimpleRounds, () =>
            {
                var clock = Stopwatch.StartNew();
                using (no_grad())
                using (var scope = NewDisposeScope())
                {
                    generator.call(randn(batch, generator.LatentDim));
                }

                return batch / clock.Elapsed.TotalSeconds;
            });
            context.Report.Add(new ResultRow("inference", architecture.Name + " generator", "images/s", Stats.Of(rates), $"batch {batch}, eval mode, no_grad"));
        }
    }
}
