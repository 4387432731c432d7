using System.Diagnostics;
using GanKit.Benchmarks.Harness;
using GanKit.Data;
using GanKit.Networks;
using GanKit.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// A folder of 64x64 RGB PNGs, written here: decode throughput per core, a 64x64 DCGAN step fed by
/// streaming against the same images in memory (interleaved rounds, as a ratio), and the memory a
/// streamed epoch adds when the folder is ten times larger than the memory limit.
/// </summary>
public static class ImageFolderBenchmark
{
    /// <summary>The step-speed ratio, streamed over in memory, the streaming path should reach.</summary>
    public const double MinStreamingSpeedRatio = 0.9;

    private const int Side = 64;

    private sealed record Plan(int Images, int BatchSize, int StepsPerRound, int Rounds, int MemoryBatchSize);

    private static readonly Plan Full = new(Images: 4096, BatchSize: 64, StepsPerRound: 8, Rounds: 7, MemoryBatchSize: 32);

    // Short: the quick run is CI's; it checks that every row is produced, not the figures. Two
    // rounds, so each source runs once first (a first round alone read 1.6x for streaming).
    private static readonly Plan Quick = new(Images: 256, BatchSize: 8, StepsPerRound: 2, Rounds: 2, MemoryBatchSize: 4);

    /// <summary>Runs the three measurements.</summary>
    /// <param name="context">Settings, report and scratch folder.</param>
    public static void Run(BenchmarkContext context)
    {
        var plan = context.Settings.IsQuick ? Quick : Full;
        string folder = Path.Combine(context.ScratchDirectory, "image-folder");
        WriteImages(folder, plan.Images);
        using var dataset = ImageFolderDataset.Open(folder, new ImageFolderOptions { ImageSize = Side, Channels = 3 });
        Console.WriteLine($"image-folder: {dataset.Count} PNGs of {Side}x{Side} RGB, {dataset.DecodedBytes / 1e6:F0} MB decoded");

        DecodeThroughput(context, dataset);
        StepSpeed(context, dataset, plan);
        StreamingMemory(context, dataset, plan);
    }

    private static void WriteImages(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(1);
        for (int i = 0; i < count; i++)
        {
            // Smooth colour ramps with noise: compresses like a photo, not like a flat colour or pure noise.
            using var image = new Image<Rgb24>(Side, Side);
            int r = random.Next(256), g = random.Next(256), b = random.Next(256);
            for (int y = 0; y < Side; y++)
            {
                for (int x = 0; x < Side; x++)
                {
                    int n = random.Next(32);
                    image[x, y] = new Rgb24((byte)((r + (x * 2) + n) & 255), (byte)((g + (y * 2) + n) & 255), (byte)((b + x + y) & 255));
                }
            }

            image.SaveAsPng(Path.Combine(folder, $"img{i:D5}.png"));
        }
    }

    private static void DecodeThroughput(BenchmarkContext context, ImageFolderDataset dataset)
    {
        var plan = new EpochPlan(64, 1, false, 0, ShuffledBatches.BatchesPerEpoch(dataset.Count, 64, false), CPU);
        int workers = new BatchSourceOptions().EffectiveWorkers;
        foreach (int threads in new[] { 1, workers }.Distinct())
        {
            using var source = new StreamingBatchSource(dataset, new BatchSourceOptions { Workers = threads });
            var rates = Interleaved.Repeat(1, context.Settings.SimpleRounds, () =>
            {
                var clock = Stopwatch.StartNew();
                foreach (var batch in source.Epoch(plan))
                {
                    batch.Dispose();
                }

                return dataset.Count / clock.Elapsed.TotalSeconds / threads;
            });
            context.Report.Add(new ResultRow("image-folder", $"decode, {threads} thread(s)", "images/s per core", Stats.Of(rates), "PNG read, resize no-op, RGB to [-1, 1], streamed epoch without training"));
        }
    }

    private static void StepSpeed(BenchmarkContext context, ImageFolderDataset dataset, Plan plan)
    {
        using var memory = dataset.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.InMemory });
        using var streaming = dataset.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.Streaming });
        int round = 0;
        double Measure(IBatchSource source) => StepsPerSecond(source, plan, Path.Combine(context.ScratchDirectory, $"image-folder-run-{round++}"));

        var ratios = new List<double>();
        var (inMemory, streamed) = Interleaved.Run(context.Settings.IsQuick ? 0 : 1, plan.Rounds, () => Measure(memory), () => Measure(streaming), (_, a, b) => ratios.Add(b / a));
        context.Report.Add(new ResultRow("image-folder", $"64x64 DCGAN step, in memory, batch {plan.BatchSize}", "steps/s", Stats.Of(inMemory)));
        context.Report.Add(new ResultRow("image-folder", $"64x64 DCGAN step, streamed, batch {plan.BatchSize}", "steps/s", Stats.Of(streamed), $"{new BatchSourceOptions().EffectiveWorkers} decoding thread(s) beside training"));
        double ratio = Stats.Of(ratios).Median;
        context.Report.Add(new ResultRow("image-folder", "streamed / in-memory step speed", "ratio", Stats.Of(ratios), "median of per-round ratios; rounds interleaved, so machine drift cancels"));
        context.Report.AddCheck(ratio >= MinStreamingSpeedRatio, $"streamed DCGAN step at least {MinStreamingSpeedRatio:F1}x the in-memory one (got {ratio:F2})");
    }

    private static double StepsPerSecond(IBatchSource source, Plan plan, string output)
    {
        torch.manual_seed(1);
        using var generator = Generator64();
        using var discriminator = Discriminator64();
        var options = new AdversarialTrainerOptions
        {
            Epochs = 1,
            BatchSize = plan.BatchSize,
            MaxBatchesPerEpoch = plan.StepsPerRound + 1,
            Device = CPU,
            OutputDirectory = output,
            KeepCheckpoints = 1,
            LogEvery = 1000,
        };

        // Timed from the end of the first step to the end of the last, so neither the first
        // decode nor the epoch-end sample grid and checkpoint count.
        Stopwatch? clock = null;
        double seconds = 0;
        using (var trainer = new AdversarialTrainer(generator, discriminator, options))
        {
            trainer.StepCompleted += (_, e) =>
            {
                if (e.Step == 1)
                {
                    clock = Stopwatch.StartNew();
                }
                else if (e.Step == plan.StepsPerRound + 1)
                {
                    seconds = clock!.Elapsed.TotalSeconds;
                }
            };
            trainer.Fit(source);
        }

        Directory.Delete(output, recursive: true);
        return plan.StepsPerRound / seconds;
    }

    private static void StreamingMemory(BenchmarkContext context, ImageFolderDataset dataset, Plan plan)
    {
        long limit = dataset.DecodedBytes / 10;
        using var source = new StreamingBatchSource(dataset, new BatchSourceOptions { MemoryLimitBytes = limit });
        var epoch = new EpochPlan(plan.MemoryBatchSize, 2, false, 0, ShuffledBatches.BatchesPerEpoch(dataset.Count, plan.MemoryBatchSize, false), CPU);

        // A first epoch warms allocators and the page cache; the second is the one measured.
        foreach (var batch in source.Epoch(epoch))
        {
            batch.Dispose();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long baseline = ProcessMemory.ResidentBytes();
        long peak = baseline;
        foreach (var batch in source.Epoch(epoch with { Seed = 3 }))
        {
            using (batch)
            using (var mean = batch.mean())
            {
                // Touch the batch as training would, then sample the resident set.
                _ = mean.item<float>();
            }

            peak = Math.Max(peak, ProcessMemory.ResidentBytes());
        }

        double grownMb = (peak - baseline) / 1e6;
        context.Report.Add(new ResultRow("image-folder", $"streamed epoch, folder 10x the limit ({limit / 1e6:F1} MB)", "RSS growth MB", Stats.Single(grownMb), $"peak over the resident set before the epoch; batch {plan.MemoryBatchSize}"));
        context.Report.AddCheck(peak - baseline < limit, $"a streamed epoch of a folder 10x the memory limit grows the resident set by less than the limit ({grownMb:F1} of {limit / 1e6:F1} MB)");
    }

    private static GeneratorNetwork Generator64() => new GeneratorBuilder(100)
        .Dense(4 * 4 * 256, bias: false).BatchNorm().LeakyReLU()
        .Reshape(256, 4, 4)
        .ConvTranspose2d(128, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
        .ConvTranspose2d(64, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
        .ConvTranspose2d(32, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
        .ConvTranspose2d(3, 5, 2, Padding.Same, bias: false).Tanh()
        .Build();

    private static DiscriminatorNetwork Discriminator64() => new DiscriminatorBuilder(3, Side, Side)
        .Conv2d(64, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
        .Conv2d(128, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
        .Conv2d(256, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
        .Conv2d(512, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
        .Flatten().Dense(1)
        .Build();
}
