using System.Diagnostics;
using System.Globalization;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using GanKit.Layers;
using GanKit.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// Where a step's time goes: forward and backward of every convolution of both MNIST presets, the
/// GanKit module as its network runs it, against the explicit pad/crop computation it replaced and
/// TorchSharp's stock module of the same shapes (<see cref="StockLayers"/>), at the training batch
/// size, in interleaved rounds. A layer both presets use alike is timed once.
/// </summary>
/// <remarks>
/// The input requires gradient, as every convolution's input does in a training step except the
/// discriminator's on real images, so backward computes the input and the weight gradients.
/// </remarks>
public static class LayerTimingBenchmark
{
    /// <summary>Runs every distinct preset convolution.</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        var settings = context.Settings;
        var table = new List<string[]>();
        var networks = Architecture.All.SelectMany(a => new (string Architecture, string Initial, LayerStackNetwork Network)[]
        {
            (a.Name, "G", a.CreateGenerator()),
            (a.Name, "D", a.CreateDiscriminator()),
        }).ToList();
        try
        {
            foreach (var layer in PresetConvolutions(networks))
            {
                table.Add(RunLayer(context, layer));
            }
        }
        finally
        {
            networks.ForEach(n => n.Network.Dispose());
        }

        context.Report.AddTable(
            string.Create(CultureInfo.InvariantCulture, $"Per-layer forward and backward at batch {settings.BatchSize}, {get_num_threads()} torch threads: ms per call (medians), then time over the stock module's (median of the per-round ratios; wall time, and process CPU time, which waiting for a busy core does not inflate)"),
            ["layer", "used in", "GanKit fwd", "GanKit bwd", "explicit fwd", "explicit bwd", "stock fwd", "stock bwd", "GanKit/stock wall", "GanKit/stock CPU", "explicit/stock wall", "explicit/stock CPU"],
            table);
    }

    private static string[] RunLayer(BenchmarkContext context, PresetLayer layer)
    {
        var settings = context.Settings;
        var gankit = layer.Module;
        using var stock = StockLayers.Create(layer.Definition, layer.Input, layer.Output);
        StockLayers.CopyParameters(gankit, stock);
        var explicitForm = ExplicitForm(layer, gankit);
        gankit.train();
        stock.train();
        using var x = randn([settings.BatchSize, .. layer.Input]).requires_grad_(true);
        using var gradient = randn([settings.BatchSize, .. layer.Output]);

        // Enough calls per round to last a quarter of a second (a twentieth in the quick run).
        Pass(gankit.call, gankit, x, gradient);
        var probe = Pass(gankit.call, gankit, x, gradient);
        double target = settings.IsQuick ? 0.05 : 0.25;
        int calls = Math.Max(1, (int)Math.Round(target / Math.Max(probe.Forward + probe.Backward, 1e-4)));

        var sides = new (string Name, Func<Tensor, Tensor> Call, nn.Module Owner, List<Timing> Rounds)[]
        {
            ("GanKit", gankit.call, gankit, []),
            ("explicit", explicitForm, gankit, []),
            ("stock", stock.call, stock, []),
        };
        Interleaved.Run(
            settings.WarmupRounds,
            settings.LayerRounds,
            sides.Select(side => (Func<double>)(() => Round(side.Call, side.Owner, x, gradient, calls, side.Rounds))).ToArray());

        // The first WarmupRounds entries of each list are the unrecorded rounds.
        var recorded = sides.Select(side => side.Rounds.Skip(settings.WarmupRounds).ToArray()).ToArray();
        string Ms(int side, Func<Timing, double> part) => Report.Format(Stats.Of(recorded[side].Select(t => 1000 * part(t) / calls).ToArray()).Median);
        Stats Ratio(int side, Func<Timing, double> total) => Stats.Of(recorded[side].Zip(recorded[2], (a, b) => total(a) / total(b)).ToArray());
        var wall = (Func<Timing, double>)(t => t.Forward + t.Backward);
        var cpu = (Func<Timing, double>)(t => t.Cpu);
        string note = string.Create(CultureInfo.InvariantCulture, $"batch {settings.BatchSize}, {calls} calls per round; {layer.UsedIn}");
        for (int side = 0; side < sides.Length; side++)
        {
            context.Report.Add(new ResultRow("layers", $"{layer.Name} / {sides[side].Name} fwd+bwd", "ms", Stats.Of(recorded[side].Select(t => 1000 * wall(t) / calls).ToArray()), note));
        }

        var ratios = new[] { Ratio(0, wall), Ratio(0, cpu), Ratio(1, wall), Ratio(1, cpu) };
        context.Report.Add(new ResultRow("layers", layer.Name + " / GanKit/stock time", "ratio", ratios[0], "median of the per-round wall-time ratios of forward plus backward"));
        context.Report.Add(new ResultRow("layers", layer.Name + " / GanKit/stock CPU time", "ratio", ratios[1], "the same from process CPU time"));
        context.Report.Add(new ResultRow("layers", layer.Name + " / explicit/stock time", "ratio", ratios[2], "the explicit pad or crop computation, as before the mirrored modules"));
        return
        [
            layer.Name,
            layer.UsedIn,
            Ms(0, t => t.Forward),
            Ms(0, t => t.Backward),
            Ms(1, t => t.Forward),
            Ms(1, t => t.Backward),
            Ms(2, t => t.Forward),
            Ms(2, t => t.Backward),
            .. ratios.Select(r => r.Median.ToString("0.000", CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>
    /// The layer computed the way GanKit's modules did before they worked in the mirror image (see
    /// the remarks on <c>Mirroring</c>): the input padded by a copy, or the larger transposed output
    /// cropped and made contiguous, inside a dispose scope of its own. The reference the new form
    /// must beat; the unit tests hold both to the same numbers.
    /// </summary>
    private static Func<Tensor, Tensor> ExplicitForm(PresetLayer layer, nn.Module gankit)
    {
        var parameters = gankit.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var weight = parameters["weight"];
        var bias = parameters.GetValueOrDefault("bias");
        var conv = (ConvolutionLayer)layer.Definition;
        if (!conv.Padding.IsSame)
        {
            throw new NotSupportedException($"{layer.Name}: the explicit form is written for 'same' padding only.");
        }

        long k = conv.KernelSize;
        long s = conv.Stride;
        long input = layer.Input[1];
        long output = layer.Output[1];
        long[] strides = [s, s];
        if (conv is Conv2dLayer)
        {
            long total = Math.Max(((output - 1) * s) + k - input, 0);
            long before = total / 2;
            long after = total - before;
            return x =>
            {
                using var scope = NewDisposeScope();
                var padded = before == after ? x : nn.functional.pad(x, [before, after, before, after]);
                long symmetric = before == after ? before : 0;
                return nn.functional.conv2d(padded, weight, bias, strides: strides, padding: [symmetric, symmetric]).MoveToOuterDisposeScope();
            };
        }

        long full = ((input - 1) * s) + k;
        long crop = full - output;
        long padding = Math.Max(crop, 0) / 2;
        long outputPadding = Math.Max(-crop, 0);
        return x =>
        {
            using var scope = NewDisposeScope();
            var y = nn.functional.conv_transpose2d(x, weight, bias, strides: strides, padding: [padding, padding], output_padding: [outputPadding, outputPadding]);
            if (y.shape[2] != output)
            {
                y = y.narrow(2, 0, output).narrow(3, 0, output).contiguous();
            }

            return y.MoveToOuterDisposeScope();
        };
    }

    /// <returns>The round's total wall seconds; its timings go to <paramref name="rounds"/>.</returns>
    private static double Round(Func<Tensor, Tensor> call, nn.Module module, Tensor x, Tensor gradient, int calls, List<Timing> rounds)
    {
        var total = new Timing(0, 0, 0);
        for (int i = 0; i < calls; i++)
        {
            var pass = Pass(call, module, x, gradient);
            total = new Timing(total.Forward + pass.Forward, total.Backward + pass.Backward, total.Cpu + pass.Cpu);
        }

        rounds.Add(total);
        return total.Forward + total.Backward;
    }

    private static Timing Pass(Func<Tensor, Tensor> call, nn.Module module, Tensor x, Tensor gradient)
    {
        // The gradients are dropped (not zeroed) between calls, so no call pays for accumulating
        // into the previous one's. The stock module has parameters of its own; the explicit form
        // shares the GanKit module's.
        module.zero_grad();
        x.grad = null;
        using var scope = NewDisposeScope();
        double cpu = ProcessorTime.Now();
        var clock = Stopwatch.StartNew();
        var y = call(x);
        double forward = clock.Elapsed.TotalSeconds;
        clock.Restart();
        y.backward([gradient]);
        return new Timing(forward, clock.Elapsed.TotalSeconds, ProcessorTime.Now() - cpu);
    }

    private readonly record struct Timing(double Forward, double Backward, double Cpu);

    /// <summary>
    /// The distinct convolutions of both presets, in network order, each with the presets that use
    /// it: the module as its network runs it (see <see cref="ChainEnds"/>), so a layer inside a
    /// mirrored chain is timed without the reversals its neighbours do.
    /// </summary>
    private static List<PresetLayer> PresetConvolutions(IEnumerable<(string Architecture, string Initial, LayerStackNetwork Network)> networks)
    {
        var found = new List<PresetLayer>();
        foreach (var (architecture, initial, network) in networks)
        {
            var modules = network.named_modules().ToDictionary(m => m.name, m => m.module);
            foreach (var summary in network.Layers)
            {
                if (network.Definitions[summary.Index] is not ConvolutionLayer conv)
                {
                    continue;
                }

                string name = string.Create(CultureInfo.InvariantCulture, $"{initial} {summary.Kind} {summary.InputShape[0]}→{conv.Filters} s{conv.Stride} {summary.InputShape[1]}→{summary.OutputShape[1]}{ChainEnds(network, summary.Index)}");
                string usedIn = $"{architecture} {initial}{summary.Index}";
                int existing = found.FindIndex(l => l.Name == name);
                if (existing >= 0)
                {
                    found[existing] = found[existing] with { UsedIn = found[existing].UsedIn + ", " + usedIn };
                }
                else
                {
                    var module = (nn.Module<Tensor, Tensor>)modules[$"layers.{summary.Index}"];
                    found.Add(new PresetLayer(name, usedIn, (ILayer)conv, module, summary.InputShape, summary.OutputShape));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Where the layer sits in its chain of convolutions (layers joined only by activations,
    /// dropout and batch normalisation): the first one of a chain reverses its input into the
    /// mirror image, the last one reverses its output back, as GanKit's networks plan it.
    /// </summary>
    private static string ChainEnds(LayerStackNetwork network, int index)
    {
        bool Joins(ILayer layer) => layer is LeakyReLULayer or ReLULayer or TanhLayer or SigmoidLayer or DropoutLayer or BatchNormLayer;
        bool before = network.Definitions.Take(index).Reverse().SkipWhile(Joins).FirstOrDefault() is ConvolutionLayer;
        bool after = network.Definitions.Skip(index + 1).SkipWhile(Joins).FirstOrDefault() is ConvolutionLayer;
        return (before, after) switch
        {
            (false, false) => " (alone)",
            (false, true) => " (chain start)",
            (true, true) => " (mid-chain)",
            _ => " (chain end)",
        };
    }

    private sealed record PresetLayer(string Name, string UsedIn, ILayer Definition, nn.Module<Tensor, Tensor> Module, long[] Input, long[] Output);
}
