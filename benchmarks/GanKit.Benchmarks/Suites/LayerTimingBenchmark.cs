using System.Diagnostics;
using System.Globalization;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using GanKit.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// Where a step's time goes: forward and backward of every convolution of both MNIST presets, the
/// GanKit module against TorchSharp's stock module of the same shapes (<see cref="StockLayers"/>),
/// at the training batch size, in interleaved rounds. A layer both presets share is timed once.
/// </summary>
/// <remarks>
/// The input requires gradient, as every convolution's input does in a training step except the
/// discriminator's on real images, so backward computes the input and the weight gradients.
/// </remarks>
public static class LayerTimingBenchmark
{
    /// <summary>Recorded rounds per layer in the full run: short rounds, many of them, so each pair sees the same load.</summary>
    private const int FullRounds = 21;

    /// <summary>Runs every distinct preset convolution.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        var settings = context.Settings;
        var table = new List<string[]>();
        foreach (var layer in PresetConvolutions())
        {
            table.Add(RunLayer(context, layer));
        }

        context.Report.AddTable(
            string.Create(CultureInfo.InvariantCulture, $"Per-layer time at batch {settings.BatchSize}, GanKit module against the stock module (ms per call, medians; ratios are GanKit/stock time, median of the per-round ratios)"),
            ["layer", "used in", "GanKit fwd", "stock fwd", "fwd ratio", "GanKit bwd", "stock bwd", "bwd ratio", "fwd+bwd ratio"],
            table);
    }

    private static string[] RunLayer(BenchmarkContext context, PresetLayer layer)
    {
        var settings = context.Settings;
        using var gankit = layer.Definition.CreateModule((long[])layer.Input.Clone());
        using var stock = StockLayers.Create(layer.Definition, layer.Input, layer.Output);
        StockLayers.CopyParameters(gankit, stock);
        gankit.train();
        stock.train();
        using var x = randn([settings.BatchSize, .. layer.Input]).requires_grad_(true);
        using var gradient = randn([settings.BatchSize, .. layer.Output]);

        // Enough calls per round to last a quarter of a second (a twentieth in the quick run).
        Pass(gankit, x, gradient);
        var (probeForward, probeBackward) = Pass(gankit, x, gradient);
        double probe = probeForward + probeBackward;
        double target = settings.IsQuick ? 0.05 : 0.25;
        int calls = Math.Max(1, (int)Math.Round(target / Math.Max(probe, 1e-4)));

        var forward = (GanKit: new List<double>(), Stock: new List<double>());
        var backward = (GanKit: new List<double>(), Stock: new List<double>());
        Interleaved.Run(
            settings.WarmupRounds,
            settings.IsQuick ? settings.Rounds : FullRounds,
            () => Round(gankit, x, gradient, calls, forward.GanKit, backward.GanKit),
            () => Round(stock, x, gradient, calls, forward.Stock, backward.Stock));

        // The first WarmupRounds entries of each list are the unrecorded rounds.
        int skip = settings.WarmupRounds;
        double[] Ms(List<double> seconds) => seconds.Skip(skip).Select(s => 1000 * s / calls).ToArray();
        double[] Ratios(List<double> mine, List<double> theirs) => mine.Skip(skip).Zip(theirs.Skip(skip), (a, b) => a / b).ToArray();
        var gankitForward = Stats.Of(Ms(forward.GanKit));
        var stockForward = Stats.Of(Ms(forward.Stock));
        var gankitBackward = Stats.Of(Ms(backward.GanKit));
        var stockBackward = Stats.Of(Ms(backward.Stock));
        var forwardRatio = Stats.Of(Ratios(forward.GanKit, forward.Stock));
        var backwardRatio = Stats.Of(Ratios(backward.GanKit, backward.Stock));
        var totalRatio = Stats.Of(forward.GanKit.Zip(backward.GanKit, (f, b) => f + b).Skip(skip)
            .Zip(forward.Stock.Zip(backward.Stock, (f, b) => f + b).Skip(skip), (a, b) => a / b).ToArray());
        string note = string.Create(CultureInfo.InvariantCulture, $"batch {settings.BatchSize}, {calls} calls per round; {layer.UsedIn}");
        context.Report.Add(new ResultRow("layers", layer.Name + " / GanKit fwd+bwd", "ms", Stats.Of(Ms(forward.GanKit).Zip(Ms(backward.GanKit), (f, b) => f + b).ToArray()), note));
        context.Report.Add(new ResultRow("layers", layer.Name + " / stock fwd+bwd", "ms", Stats.Of(Ms(forward.Stock).Zip(Ms(backward.Stock), (f, b) => f + b).ToArray()), note));
        context.Report.Add(new ResultRow("layers", layer.Name + " / GanKit/stock time", "ratio", totalRatio, "median of the per-round ratios of forward plus backward"));
        return
        [
            layer.Name,
            layer.UsedIn,
            Report.Format(gankitForward.Median),
            Report.Format(stockForward.Median),
            forwardRatio.Median.ToString("0.000", CultureInfo.InvariantCulture),
            Report.Format(gankitBackward.Median),
            Report.Format(stockBackward.Median),
            backwardRatio.Median.ToString("0.000", CultureInfo.InvariantCulture),
            totalRatio.Median.ToString("0.000", CultureInfo.InvariantCulture),
        ];
    }

    /// <returns>The round's total seconds; its forward and backward seconds go to the lists.</returns>
    private static double Round(nn.Module<Tensor, Tensor> module, Tensor x, Tensor gradient, int calls, List<double> forward, List<double> backward)
    {
        double f = 0;
        double b = 0;
        for (int i = 0; i < calls; i++)
        {
            var (pass, back) = Pass(module, x, gradient);
            f += pass;
            b += back;
        }

        forward.Add(f);
        backward.Add(b);
        return f + b;
    }

    private static (double Forward, double Backward) Pass(nn.Module<Tensor, Tensor> module, Tensor x, Tensor gradient)
    {
        // The gradients are dropped (not zeroed) between calls, so no call pays for accumulating
        // into the previous one's.
        module.zero_grad();
        x.grad = null;
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        var y = module.call(x);
        double forward = clock.Elapsed.TotalSeconds;
        clock.Restart();
        y.backward([gradient]);
        return (forward, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The distinct convolutions of both presets, in network order, each with the presets that use it.</summary>
    private static List<PresetLayer> PresetConvolutions()
    {
        var found = new List<PresetLayer>();
        foreach (var architecture in Architecture.All)
        {
            using var generator = architecture.CreateGenerator();
            using var discriminator = architecture.CreateDiscriminator();
            foreach (var (network, initial) in new (LayerStackNetwork, string)[] { (generator, "G"), (discriminator, "D") })
            {
                foreach (var summary in network.Layers)
                {
                    if (network.Definitions[summary.Index] is not ConvolutionLayer conv)
                    {
                        continue;
                    }

                    string name = string.Create(CultureInfo.InvariantCulture, $"{initial} {summary.Kind} {summary.InputShape[0]}→{conv.Filters} s{conv.Stride} {summary.InputShape[1]}→{summary.OutputShape[1]}");
                    string usedIn = $"{architecture.Name} {initial}{summary.Index}";
                    int existing = found.FindIndex(l => l.Name == name);
                    if (existing >= 0)
                    {
                        found[existing] = found[existing] with { UsedIn = found[existing].UsedIn + ", " + usedIn };
                    }
                    else
                    {
                        found.Add(new PresetLayer(name, usedIn, (ILayer)conv, summary.InputShape, summary.OutputShape));
                    }
                }
            }
        }

        return found;
    }

    private sealed record PresetLayer(string Name, string UsedIn, ILayer Definition, long[] Input, long[] Output);
}
