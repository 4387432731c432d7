using System.Globalization;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using GanKit.Training;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// Images per second of <see cref="AdversarialTrainer"/> against two <see cref="HandWrittenLoop"/>s
/// with the same batch, loss and optimisers, one on the same GanKit networks and one on TorchSharp's
/// stock modules of the same shapes (<see cref="LoopNetworks.StockModules"/>), in one process, in
/// interleaved rounds; plus the achieved GFLOP/s of the steps next to the matmul limit.
/// </summary>
public static class TrainingThroughputBenchmark
{
    /// <summary>The ratio the trainer must reach against the hand-written loop.</summary>
    public const double TargetRatio = 0.97;

    /// <summary>Rounds of the matmul yardstick timed after each case (about half a second each).</summary>
    private const int YardstickRounds = 3;

    /// <summary>Gets the case names, <c>architecture/scheme</c>.</summary>
    public static IReadOnlyList<string> CaseNames { get; } =
        Architecture.All.SelectMany(a => Schemes.Select(s => CaseName(a, s))).ToArray();

    private static UpdateScheme[] Schemes => [UpdateScheme.Simultaneous, UpdateScheme.Alternating];

    /// <summary>Runs every selected architecture and update scheme.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        foreach (var architecture in Architecture.All)
        {
            foreach (var scheme in Schemes)
            {
                if (context.Cases is null || context.Cases.Contains(CaseName(architecture, scheme)))
                {
                    RunCase(context, architecture, scheme, context.Settings.BatchSize, context.Settings.BatchesPerRound, context.Settings.Rounds, "training");
                }
            }
        }
    }

    /// <summary>
    /// The fixed cost per step: the original networks at a tiny batch, where the convolutions are
    /// cheap and anything the trainer adds per step (bookkeeping, events, allocations) would show.
    /// </summary>
    /// <param name="context">The shared context.</param>
    public static void RunOverhead(BenchmarkContext context)
    {
        var settings = context.Settings;
        var (trainer, hand) = RunCase(context, Architecture.Original, UpdateScheme.Simultaneous, settings.OverheadBatchSize, settings.OverheadStepsPerRound, settings.Rounds, "step-overhead");
        double extra = (trainer.Median - hand.Median) * 1000;
        context.Report.Add(new ResultRow("step-overhead", "original/simultaneous / trainer - hand-written", "ms/step", Stats.Single(extra), $"difference of the median wall times per step at batch {settings.OverheadBatchSize}"));
    }

    private static string CaseName(Architecture architecture, UpdateScheme scheme) => $"{architecture.Name}/{scheme.ToString().ToLowerInvariant()}";

    /// <returns>Wall seconds per step of the trainer and of the hand-written loop on GanKit's modules.</returns>
    private static (Stats Trainer, Stats Hand) RunCase(BenchmarkContext context, Architecture architecture, UpdateScheme scheme, int batchSize, int steps, int rounds, string benchmark)
    {
        var settings = context.Settings;
        string name = CaseName(architecture, scheme);
        Console.WriteLine($"{benchmark} {name}: batch {batchSize}, {settings.WarmupRounds} warm-up + {rounds} rounds of {steps} steps per side");
        string output = Path.Combine(context.ScratchDirectory, benchmark + "-" + architecture.Name + "-" + scheme);
        using var handWritten = new HandWrittenLoop(LoopNetworks.GanKitModules(architecture), context.Dataset.Images, batchSize, scheme);
        using var stockLoop = new HandWrittenLoop(LoopNetworks.StockModules(architecture), context.Dataset.Images, batchSize, scheme);
        using var trainer = new TrainerLoop(architecture, context.Dataset, batchSize, scheme, steps, output);
        var epochEnds = new List<double>();
        var trainerCpu = new List<double>();
        var handCpu = new List<double>();
        var stockCpu = new List<double>();
        double images = (double)batchSize * steps;
        Func<double> Loop(HandWrittenLoop loop, List<double> cpu) => () =>
        {
            var time = loop.RunRound(steps);
            cpu.Add(time.CpuSeconds);
            return time.WallSeconds;
        };
        var walls = Interleaved.Run(
            settings.WarmupRounds,
            rounds,
            [
                () =>
                {
                    var time = trainer.RunRound(steps);
                    epochEnds.Add(trainer.LastEpochEndSeconds);
                    trainerCpu.Add(time.CpuSeconds);
                    return time.WallSeconds;
                },
                Loop(handWritten, handCpu),
                Loop(stockLoop, stockCpu),
            ],
            (round, w) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: trainer {images / w[0]:0.0} images/s, hand-written {images / w[1]:0.0}, stock modules {images / w[2]:0.0}")));
        var (trainerWall, handWall, stockWall) = (walls[0], walls[1], walls[2]);

        var trainerStats = Stats.Of(trainerWall.Select(s => images / s).ToArray());
        var handStats = Stats.Of(handWall.Select(s => images / s).ToArray());
        var stockStats = Stats.Of(stockWall.Select(s => images / s).ToArray());
        var trainerCpuStats = Stats.Of(trainerCpu.Skip(settings.WarmupRounds).Select(s => images / s).ToArray());
        var handCpuStats = Stats.Of(handCpu.Skip(settings.WarmupRounds).Select(s => images / s).ToArray());
        var stockCpuStats = Stats.Of(stockCpu.Skip(settings.WarmupRounds).Select(s => images / s).ToArray());

        // The headline: each recorded round runs every side back to back, so the ratio within a
        // round cancels the drift of a shared machine's speed over minutes, which the ratio of the
        // two medians only averages out (one build gave 0.92 and 1.00 that way for the same case
        // in two runs).
        var pairedRatios = Stats.Of(handWall.Zip(trainerWall, (hand, trainer) => hand / trainer).ToArray());
        var stockRatios = Stats.Of(stockWall.Zip(trainerWall, (stock, trainer) => stock / trainer).ToArray());
        double ratio = pairedRatios.Median;
        double stockRatio = stockRatios.Median;
        var report = context.Report;
        report.Add(new ResultRow(benchmark, name + " / hand-written", "images/s", handStats, $"batch {batchSize}, {steps} steps per round, GanKit's modules"));
        report.Add(new ResultRow(benchmark, name + " / stock-module loop", "images/s", stockStats, $"batch {batchSize}, {steps} steps per round, TorchSharp's nn.Conv2d/nn.ConvTranspose2d with symmetric padding"));
        report.Add(new ResultRow(benchmark, name + " / trainer", "images/s", trainerStats, $"batch {batchSize}; Fit call to the end of its last step"));
        report.Add(new ResultRow(benchmark, name + " / hand-written", "images/CPU-s", handCpuStats, "images per second of process CPU time"));
        report.Add(new ResultRow(benchmark, name + " / stock-module loop", "images/CPU-s", stockCpuStats, "images per second of process CPU time"));
        report.Add(new ResultRow(benchmark, name + " / trainer", "images/CPU-s", trainerCpuStats, "images per second of process CPU time"));
        report.Add(new ResultRow(benchmark, name + " / trainer epoch end", "s", Stats.Of(epochEnds.Skip(settings.WarmupRounds).ToArray()), "sample grid, history files and checkpoint after the last step (once per epoch)"));
        AddRatioRows(report, benchmark, name, "hand", pairedRatios, trainerStats.Median / handStats.Median, trainerCpuStats.Median / handCpuStats.Median);
        AddRatioRows(report, benchmark, name, "stock", stockRatios, trainerStats.Median / stockStats.Median, trainerCpuStats.Median / stockCpuStats.Median);
        if (benchmark == "training")
        {
            report.AddRatio(name, ratio);
            report.AddStockRatio(name, stockRatio);
            report.AddCheck(ratio >= TargetRatio, string.Create(CultureInfo.InvariantCulture, $"{name}: trainer/hand-written {ratio:0.000} (median within rounds; ratio of the medians {trainerStats.Median / handStats.Median:0.000}, by CPU time {trainerCpuStats.Median / handCpuStats.Median:0.000}; target >= {TargetRatio:0.00})"));
            report.AddCheck(stockRatio >= TargetRatio, string.Create(CultureInfo.InvariantCulture, $"{name}: trainer/stock-module loop {stockRatio:0.000} (median within rounds; ratio of the medians {trainerStats.Median / stockStats.Median:0.000}, by CPU time {trainerCpuStats.Median / stockCpuStats.Median:0.000}; target >= {TargetRatio:0.00})"));
            AddFlops(context, architecture, scheme, name, trainerStats);
        }

        return (Stats.Of(trainerWall.Select(s => s / steps).ToArray()), Stats.Of(handWall.Select(s => s / steps).ToArray()));
    }

    private static void AddRatioRows(Report report, string benchmark, string name, string baseline, Stats paired, double ofMedians, double byCpu)
    {
        report.Add(new ResultRow(benchmark, $"{name} / ratio within each round", $"trainer/{baseline}", paired, "wall-time ratio of the two sides of each interleaved round"));
        report.Add(new ResultRow(benchmark, $"{name} / ratio of the medians", $"trainer/{baseline}", Stats.Single(ofMedians), "cross-check: the ratio of the two median throughputs"));
        report.Add(new ResultRow(benchmark, $"{name} / ratio by CPU time", $"trainer/{baseline}", Stats.Single(byCpu), "cross-check: the same from process CPU time"));
    }

    private static void AddFlops(BenchmarkContext context, Architecture architecture, UpdateScheme scheme, string name, Stats trainerStats)
    {
        using var generator = architecture.CreateGenerator();
        using var discriminator = architecture.CreateDiscriminator();
        double flopsPerImage = TrainingFlops.PerImage(generator.MultiplyAccumulatesPerSample, discriminator.MultiplyAccumulatesPerSample, scheme);
        var achieved = new Stats(
            trainerStats.Median * flopsPerImage / 1e9,
            trainerStats.Min * flopsPerImage / 1e9,
            trainerStats.Max * flopsPerImage / 1e9,
            trainerStats.Count);
        var (matmul, _) = MatmulBenchmark.Measure(context.Settings.MatmulSize, YardstickRounds);
        string limit = string.Create(CultureInfo.InvariantCulture, $"{100 * achieved.Median / matmul.Median:0.0}% of a {context.Settings.MatmulSize}² matmul timed right after ({matmul.Median:0.0} GFLOP/s)");
        context.Report.Add(new ResultRow(
            "training",
            name + " / trainer",
            "GFLOP/s",
            achieved,
            string.Create(CultureInfo.InvariantCulture, $"{flopsPerImage / 1e6:0.0} MFLOP per image (G {generator.MultiplyAccumulatesPerSample / 1e6:0.0}M, D {discriminator.MultiplyAccumulatesPerSample / 1e6:0.0}M MACs per sample); {limit}")));
    }
}
