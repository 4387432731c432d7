using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Training;
using GanKit.Data;
using GanKit.Runtime;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Suites;

/// <summary>
/// The GPU suite: <c>--probe</c> says which libtorch loaded and multiplies matrices on the device;
/// <c>--gpu</c> times GanKit's trainer on the device (batch 256, simultaneous updates, the data on
/// the device) for both architectures, and a full epoch, and sets the figures against the PyTorch
/// eager run of <c>benchmarks/pytorch/dcgan_eager.py</c> when its JSON is given.
/// </summary>
public static class GpuBenchmark
{
    /// <summary>Steps in a full MNIST epoch at batch 256 (60,000 images, the last batch partial).</summary>
    public const int StepsPerEpoch = 235;

    /// <summary>Runs <c>--probe</c> or <c>--gpu</c>.</summary>
    /// <param name="args">The command line, starting with <c>--probe</c> or <c>--gpu</c>.</param>
    /// <returns>0 on success, 1 when a check fails, 2 for a bad command line.</returns>
    public static int Run(string[] args)
    {
        string device = "cuda";
        string? pytorchJson = null;
        string output = "runs/benchmarks/gpu.json";
        string? mnist = null;
        int steps = 100, rounds = 3, batch = 256;
        bool epoch = true;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--device" when i + 1 < args.Length && args[i + 1] is "cuda" or "cpu":
                    device = args[++i];
                    break;
                case "--pytorch-json" when i + 1 < args.Length:
                    pytorchJson = args[++i];
                    break;
                case "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--mnist-dir" when i + 1 < args.Length:
                    mnist = args[++i];
                    break;
                case "--steps" when i + 1 < args.Length && Positive(args[i + 1], out int s):
                    steps = s;
                    i++;
                    break;
                case "--rounds" when i + 1 < args.Length && Positive(args[i + 1], out int r):
                    rounds = r;
                    i++;
                    break;
                case "--batch" when i + 1 < args.Length && Positive(args[i + 1], out int b):
                    batch = b;
                    i++;
                    break;
                case "--no-epoch":
                    epoch = false;
                    break;
                default:
                    Console.Error.WriteLine($"error: unknown or incomplete argument '{args[i]}'");
                    Console.Error.WriteLine("usage: GanKit.Benchmarks --probe [--device cuda|cpu]");
                    Console.Error.WriteLine("       GanKit.Benchmarks --gpu [--device cuda|cpu] [--pytorch-json pytorch.json] [--steps 100] [--rounds 3] [--batch 256] [--no-epoch] [--mnist-dir folder] [--output gpu.json]");
                    return 2;
            }
        }

        try
        {
            TorchRuntime.EnsureAvailable();
        }
        catch (TorchRuntimeUnavailableException e)
        {
            Console.Error.WriteLine("error: " + e.Message.ReplaceLineEndings(" "));
            return 2;
        }

        // torch.CUDA itself throws where CUDA cannot start, so ask first.
        if (device == "cuda" && !cuda.is_available())
        {
            Console.Error.WriteLine($"error: --device cuda but CUDA is not usable here ({TorchRuntime.Describe()})");
            return 2;
        }

        var target = device == "cuda" ? CUDA : CPU;

        return args[0] == "--probe" ? Probe(target) : Train(target, pytorchJson, output, mnist, steps, rounds, batch, epoch);
    }

    private static bool Positive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static int Probe(Device device)
    {
        var info = TorchRuntime.Describe();
        Console.WriteLine($"runtime: {info}");
        Console.WriteLine($"torch threads: {get_num_threads()}; TorchSharp {TorchRuntime.TorchSharpVersion} (managed; the native library is the one above)");
        using var scope = NewDisposeScope();
        using var generator = new torch.Generator(1);
        var a = randn(new long[] { 2048, 2048 }, generator: generator);
        var b = randn(new long[] { 2048, 2048 }, generator: generator);
        var expected = a.to(ScalarType.Float64).matmul(b.to(ScalarType.Float64));
        var onDevice = a.to(device).matmul(b.to(device));
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 10; i++)
        {
            onDevice = a.to(device).matmul(b.to(device));
        }

        Synchronize(device);
        double seconds = clock.Elapsed.TotalSeconds;
        double error = (onDevice.cpu().to(ScalarType.Float64) - expected).abs().max().item<double>() / expected.abs().max().item<double>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"matmul 2048x2048 on {onDevice.device}: {2.0 * 2048 * 2048 * 2048 * 10 / seconds / 1e9:0} GFLOP/s (with the copies), max relative error {error:0.0e0} against float64 on the CPU"));

        // TF32 on Ampere and later keeps about 1e-3; float32 proper about 1e-6.
        bool ok = onDevice.device.type == device.type && error < 1e-2;
        Console.WriteLine(ok ? "probe: ok" : "probe: FAILED (wrong device or wrong numbers)");
        return ok ? 0 : 1;
    }

    private static int Train(Device device, string? pytorchJson, string output, string? mnistDirectory, int steps, int rounds, int batch, bool epoch)
    {
        var runtime = TorchRuntime.Describe();
        Console.WriteLine($"runtime: {runtime}");
        manual_seed(1);
        var (mnist, description) = MnistLoadBenchmark.TryLoad(mnistDirectory);
        IImageDataset data = mnist is not null
            ? mnist.To(device)
            : new TensorImageDataset(rand(60000, 1, 28, 28).mul_(2).sub_(1).to(device));
        Console.WriteLine($"data: {(mnist is null ? "synthetic images (" + description + ")" : description)}, {data.Count} images on {data.Device}");
        var pytorch = pytorchJson is null ? null : JsonNode.Parse(File.ReadAllText(pytorchJson));
        string scratch = Directory.CreateTempSubdirectory("gankit-gpu-bench-").FullName;
        var results = new JsonObject();
        try
        {
            foreach (var architecture in Architecture.All)
            {
                using var loop = new TrainerLoop(architecture, data, batch, UpdateScheme.Simultaneous, steps, Path.Combine(scratch, architecture.Name), device);
                // One unrecorded round pays for cuDNN's algorithm search and the allocator's first blocks.
                var perSecond = Interleaved.Repeat(1, rounds, () => steps * (double)batch / loop.RunRound(steps).WallSeconds);
                var stats = Stats.Of(perSecond);
                var row = new JsonObject
                {
                    ["images_per_second"] = Math.Round(stats.Median, 1),
                    ["images_per_second_rounds"] = new JsonArray(perSecond.Select(v => (JsonNode)Math.Round(v, 1)).ToArray()),
                    ["seconds_per_step"] = batch / stats.Median,
                    ["steps"] = steps,
                };
                string line = string.Create(CultureInfo.InvariantCulture, $"{architecture.Name}: GanKit trainer {stats.Median:0} images/s ({batch / stats.Median * 1000:0.0} ms/step)");
                if (epoch && batch == 256)
                {
                    double seconds = FullEpoch(architecture, data, device, Path.Combine(scratch, architecture.Name + "-epoch"));
                    row["seconds_per_epoch"] = Math.Round(seconds, 3);
                    line += string.Create(CultureInfo.InvariantCulture, $"; a full epoch ({StepsPerEpoch} steps, samples and checkpoint included) {seconds:0.00} s");
                }

                if (pytorch?["architectures"]?[architecture.Name]?["images_per_second"]?.GetValue<double>() is { } eager)
                {
                    row["pytorch_images_per_second"] = eager;
                    row["ratio"] = Math.Round(stats.Median / eager, 3);
                    line += string.Create(CultureInfo.InvariantCulture, $"; PyTorch eager {eager:0} images/s; ratio {stats.Median / eager:0.00}");
                }

                results[architecture.Name] = row;
                Console.WriteLine(line);
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
            (data as IDisposable)?.Dispose();
            mnist?.Dispose();
        }

        var report = new JsonObject
        {
            ["implementation"] = "gankit",
            ["runtime"] = runtime.ToString(),
            ["device"] = device.ToString(),
            ["batch"] = batch,
            ["scheme"] = "simultaneous",
            ["data"] = description,
            ["pytorch"] = pytorch?["torch"]?.GetValue<string>(),
            ["architectures"] = results,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var ratios = results.Select(r => r.Value?["ratio"]?.GetValue<double>()).OfType<double>().ToList();
        Console.WriteLine(ratios.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"trainer/pytorch-eager throughput ratio: {ratios.Min():0.00}")
            : "trainer/pytorch-eager throughput ratio: n/a (no --pytorch-json)");
        return 0;
    }

    // One real epoch through Fit: every step, the epoch's sample grid, history and checkpoint.
    private static double FullEpoch(Architecture architecture, IImageDataset data, Device device, string folder)
    {
        using var generator = architecture.CreateGenerator();
        using var discriminator = architecture.CreateDiscriminator();
        var options = new AdversarialTrainerOptions { Epochs = 1, BatchSize = 256, Device = device, OutputDirectory = folder, KeepCheckpoints = 1 };
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        var clock = Stopwatch.StartNew();
        trainer.Fit(data);
        Synchronize(device);
        return clock.Elapsed.TotalSeconds;
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            cuda.synchronize();
        }
    }
}
