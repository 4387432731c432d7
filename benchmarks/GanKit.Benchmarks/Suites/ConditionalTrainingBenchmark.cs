using System.Globalization;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using GanKit.Data;
using GanKit.Mnist;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// What the label path costs: the trainer's images per second on the conditional original pair
/// (label embedding before the generator, projection head ending the discriminator) against the
/// unconditional original pair, same batch, same steps, interleaved round by round.
/// </summary>
public static class ConditionalTrainingBenchmark
{
    /// <summary>The most a conditional step may cost relative to the unconditional one.</summary>
    public const double MaximumCostRatio = 1.05;

    private static readonly Architecture Conditional = new(
        "conditional-original",
        () => MnistDcgan.ConditionalOriginalGenerator(),
        () => MnistDcgan.ConditionalOriginalDiscriminator());

    /// <summary>Runs the comparison and adds its rows and its check to the report.</summary>
    /// <param name="context">The run's settings, data and report.</param>
    public static void Run(BenchmarkContext context)
    {
        var settings = context.Settings;
        // A few per cent is the whole difference, so each round runs four times the training
        // benchmark's steps: with three, one run's median ranged 0.98-1.07 on an idle machine.
        int steps = settings.BatchesPerRound * 4;
        int batchSize = settings.BatchSize;
        Console.WriteLine($"conditional: batch {batchSize}, {settings.WarmupRounds} warm-up + {settings.Rounds} rounds of {steps} steps per side");

        // MNIST carries its digits; synthetic images get digits cycling 0..9, which cost the same.
        using var synthetic = context.Dataset is ILabelledDataset ? null : WithCyclingLabels(context.Dataset);
        var data = (IImageDataset?)synthetic ?? context.Dataset;
        using var plain = new TrainerLoop(Architecture.Original, data, batchSize, UpdateScheme.Simultaneous, steps, Path.Combine(context.ScratchDirectory, "conditional-baseline"));
        using var conditional = new TrainerLoop(Conditional, data, batchSize, UpdateScheme.Simultaneous, steps, Path.Combine(context.ScratchDirectory, "conditional"));
        double images = (double)batchSize * steps;
        var walls = Interleaved.Run(
            settings.WarmupRounds,
            settings.Rounds,
            [() => plain.RunRound(steps).WallSeconds, () => conditional.RunRound(steps).WallSeconds],
            (round, w) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: unconditional {images / w[0]:0.0} images/s, conditional {images / w[1]:0.0}")));

        // Within a round the two sides ran back to back, so their ratio cancels the machine's drift.
        var costRatios = Stats.Of(walls[1].Zip(walls[0], (c, u) => c / u).ToArray());
        var report = context.Report;
        string note = $"batch {batchSize}, {steps} steps per round, simultaneous updates";
        report.Add(new ResultRow("conditional", "original / unconditional trainer", "images/s", Stats.Of(walls[0].Select(s => images / s).ToArray()), note));
        report.Add(new ResultRow("conditional", "original / conditional trainer", "images/s", Stats.Of(walls[1].Select(s => images / s).ToArray()), note + "; label embedding (50) and projection head"));
        report.Add(new ResultRow("conditional", "original / step cost ratio", "conditional/unconditional", costRatios, "wall time of a conditional step over an unconditional one, within each interleaved round"));
        report.AddCheck(
            costRatios.Median <= MaximumCostRatio,
            string.Create(CultureInfo.InvariantCulture, $"conditional original step costs {costRatios.Median:0.000}x the unconditional one (median within rounds, range {costRatios.Min:0.000}-{costRatios.Max:0.000}; target <= {MaximumCostRatio:0.00})"));
    }

    private static LabelledTensorDataset WithCyclingLabels(IImageDataset dataset)
    {
        var labels = torch.arange(dataset.Count, dtype: ScalarType.Int64).remainder(MnistDcgan.ClassCount);
        return new LabelledTensorDataset(dataset.Images.clone(), labels, MnistDcgan.ClassCount);
    }
}
