using System.Diagnostics;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using GanKit.Networks;
using GanKit.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// Save and load time and size of a full training checkpoint through <see cref="CheckpointStore"/>:
/// both networks, both Adam states (after one step, so the moment buffers exist) and the random
/// state, each file hashed and synced, the manifest written, the folder renamed into place; loading
/// verifies every hash before reading the files back.
/// </summary>
public static class CheckpointBenchmark
{
    /// <summary>Runs both architectures.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        foreach (var architecture in Architecture.All)
        {
            RunCase(context, architecture);
        }
    }

    private static void RunCase(BenchmarkContext context, Architecture architecture)
    {
        using var generator = architecture.CreateGenerator();
        using var discriminator = architecture.CreateDiscriminator();
        using var generatorOptimizer = optim.Adam(generator.parameters(), 1e-4, 0.9, 0.999, 1e-7);
        using var discriminatorOptimizer = optim.Adam(discriminator.parameters(), 1e-4, 0.9, 0.999, 1e-7);
        TakeOneStep(generator, discriminator, generatorOptimizer, discriminatorOptimizer);

        string root = Path.Combine(context.ScratchDirectory, "checkpoints-" + architecture.Name);
        var store = new CheckpointStore(root, keepLast: 2);
        int epoch = 0;
        long bytes = 0;
        var saves = Interleaved.Repeat(1, context.Settings.SimpleRounds, () =>
        {
            epoch++;
            var clock = Stopwatch.StartNew();
            var saved = store.Save(epoch, epoch, folder =>
            {
                generator.save(Path.Combine(folder, "generator.bin"));
                discriminator.save(Path.Combine(folder, "discriminator.bin"));
                generatorOptimizer.save_state_dict(Path.Combine(folder, "generator-optimizer.bin"));
                discriminatorOptimizer.save_state_dict(Path.Combine(folder, "discriminator-optimizer.bin"));
                using var rng = torch.random.get_rng_state();
                rng.Save(Path.Combine(folder, "rng.bin"));
            });
            double seconds = clock.Elapsed.TotalSeconds;
            bytes = new DirectoryInfo(saved.Directory).EnumerateFiles().Sum(f => f.Length);
            return seconds;
        });

        var loads = Interleaved.Repeat(1, context.Settings.SimpleRounds, () =>
        {
            var clock = Stopwatch.StartNew();
            var latest = store.FindLatestValid() ?? throw new InvalidOperationException($"No valid checkpoint under '{root}' right after saving one.");
            generator.load(latest.PathOf("generator.bin"));
            discriminator.load(latest.PathOf("discriminator.bin"));
            generatorOptimizer.load_state_dict(latest.PathOf("generator-optimizer.bin"));
            discriminatorOptimizer.load_state_dict(latest.PathOf("discriminator-optimizer.bin"));
            using (var stream = File.OpenRead(latest.PathOf("rng.bin")))
            using (var reader = new BinaryReader(stream))
            using (var rng = TensorExtensionMethods.Load(reader))
            {
                torch.random.set_rng_state(rng);
            }

            return clock.Elapsed.TotalSeconds;
        });

        string what = "networks + Adam states + RNG, hashed and synced";
        context.Report.Add(new ResultRow("checkpoint", architecture.Name + " save", "s", Stats.Of(saves), what));
        context.Report.Add(new ResultRow("checkpoint", architecture.Name + " load", "s", Stats.Of(loads), "manifest and hash verification, then every file read back"));
        context.Report.Add(new ResultRow("checkpoint", architecture.Name + " size", "MB", Stats.Single(bytes / 1e6), what));
    }

    private static void TakeOneStep(GeneratorNetwork generator, DiscriminatorNetwork discriminator, Adam generatorOptimizer, Adam discriminatorOptimizer)
    {
        using var scope = NewDisposeScope();
        var logits = discriminator.call(generator.call(randn(4, generator.LatentDim)));
        var loss = logits.mean();
        generatorOptimizer.zero_grad();
        discriminatorOptimizer.zero_grad();
        loss.backward();
        generatorOptimizer.step();
        discriminatorOptimizer.step();
    }
}
