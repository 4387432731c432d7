using System.Diagnostics;
using System.Globalization;
using GanKit.Benchmarks.Harness;
using GanKit.Benchmarks.Suites;
using GanKit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/GanKit.Benchmarks -- [--quick] [--only a,b]
/// [--cases original/simultaneous,...] [--threads n] [--rounds n] [--output file.json] [--mnist-dir folder]</c>. Prints a markdown table, writes it and a JSON file,
/// and ends with the line <c>trainer/hand-written throughput ratio: x.xx (GanKit modules), y.yy (stock modules)</c>
/// (the smallest over architectures and update schemes, against the hand-written loop on GanKit's
/// modules and on TorchSharp's stock ones). <c>--probe</c> and <c>--gpu</c> run the GPU suite instead
/// (<see cref="GpuBenchmark"/>).
/// </summary>
public static class Program
{
    private const string DefaultOutput = "runs/benchmarks/results.json";

    private static readonly (string Name, Action<BenchmarkContext> Run)[] Suites =
    [
        ("mnist-load", MnistLoadBenchmark.Run),
        ("matmul", MatmulBenchmark.Run),
        ("inference", GeneratorInferenceBenchmark.Run),
        ("layers", LayerTimingBenchmark.Run),
        ("training", TrainingThroughputBenchmark.Run),
        ("step-overhead", TrainingThroughputBenchmark.RunOverhead),
        ("conditional", ConditionalTrainingBenchmark.Run),
        ("threads", ThreadCountBenchmark.Run),
        ("image-folder", ImageFolderBenchmark.Run),

        // After the training comparison: the checkpoint writes leave the disk flushing for a while,
        // which slowed the rounds that came right after them.
        ("checkpoint", CheckpointBenchmark.Run),
        ("memory", MemoryBenchmark.Run),
    ];

    /// <summary>Runs the selected benchmarks.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 on success, 2 for a bad command line.</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "--probe" or "--gpu")
        {
            return GpuBenchmark.Run(args);
        }

        bool quick = false;
        string output = DefaultOutput;
        string? mnistDirectory = null;
        HashSet<string>? cases = null;
        int threads = 0;
        int rounds = 0;
        var only = Suites.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--mnist-dir" when i + 1 < args.Length:
                    mnistDirectory = args[++i];
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    var unknown = only.Except(Suites.Select(s => s.Name)).ToList();
                    if (unknown.Count > 0)
                    {
                        return Usage($"unknown benchmark '{string.Join("', '", unknown)}'");
                    }

                    break;
                case "--cases" when i + 1 < args.Length:
                    cases = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    var unknownCases = cases.Except(TrainingThroughputBenchmark.CaseNames).ToList();
                    if (unknownCases.Count > 0)
                    {
                        return Usage($"unknown training case '{string.Join("', '", unknownCases)}'; known: {string.Join(", ", TrainingThroughputBenchmark.CaseNames)}");
                    }

                    break;
                case "--threads" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out threads) || threads < 1)
                    {
                        return Usage($"--threads takes a positive whole number; got '{args[i]}'");
                    }

                    break;
                case "--rounds" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out rounds) || rounds < 1)
                    {
                        return Usage($"--rounds takes a positive whole number; got '{args[i]}'");
                    }

                    break;
                case "--help" or "-h":
                    Usage(null);
                    return 0;
                default:
                    return Usage($"unknown or incomplete argument '{args[i]}'");
            }
        }

        var settings = quick ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
        if (rounds > 0)
        {
            // Fewer rounds for a look at one change; the README's figures use the defaults.
            settings = settings with { Rounds = rounds, LayerRounds = rounds };
        }
        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }

        var clock = Stopwatch.StartNew();
        string scratch = Path.Combine(Path.GetTempPath(), "gankit-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(scratch);
        var report = new Report();
        try
        {
            torch.manual_seed(1);
            var (mnist, description) = MnistLoadBenchmark.TryLoad(mnistDirectory);
            using var synthetic = mnist is null ? SyntheticImages() : null;
            IImageDataset dataset = (IImageDataset?)mnist ?? synthetic!;
            if (mnist is null)
            {
                description = "synthetic images (no local MNIST: " + description + ")";
            }

            Console.WriteLine($"GanKit benchmarks ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} logical CPUs, {get_num_threads()} torch threads; training data: {description}");
            var context = new BenchmarkContext(settings, report, dataset, description, scratch, mnistDirectory, cases);
            foreach (var (name, run) in Suites.Where(s => only.Contains(s.Name)))
            {
                var suiteClock = Stopwatch.StartNew();
                Console.WriteLine($"== {name}");
                run(context);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   ({suiteClock.Elapsed.TotalSeconds:0.0} s)"));

                // Written after every suite, so a long run that is stopped keeps what it measured.
                report.WriteJson(output, settings, clock.Elapsed);
            }

            mnist?.Dispose();
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        string markdown = report.ToMarkdown();
        report.WriteJson(output, settings, clock.Elapsed);
        File.WriteAllText(Path.ChangeExtension(output, ".md"), markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Results: {Path.GetFullPath(output)} and .md; {clock.Elapsed.TotalSeconds:0} s in all."));
        Console.WriteLine(report.MinimumRatio is { } ratio && report.MinimumStockRatio is { } stock
            ? string.Create(CultureInfo.InvariantCulture, $"trainer/hand-written throughput ratio: {ratio:0.00} (GanKit modules), {stock:0.00} (stock modules)")
            : "trainer/hand-written throughput ratio: n/a (training benchmark not run)");
        return 0;
    }

    private static TensorImageDataset SyntheticImages()
    {
        // Same shape and range as scaled MNIST; convolution cost does not depend on the pixel values.
        using var scope = NewDisposeScope();
        var images = rand(8192, 1, 28, 28).mul_(2).sub_(1);
        return new TensorImageDataset(images.DetachFromDisposeScope());
    }

    private static int Usage(string? error)
    {
        var writer = error is null ? Console.Out : Console.Error;
        if (error is not null)
        {
            writer.WriteLine("error: " + error);
        }

        writer.WriteLine("usage: GanKit.Benchmarks --probe | --gpu [options] (the GPU suite; --gpu --help lists them)");
        writer.WriteLine("usage: GanKit.Benchmarks [--quick] [--only " + string.Join(",", Suites.Select(s => s.Name)) + "] [--cases " + string.Join(",", TrainingThroughputBenchmark.CaseNames) + "] [--threads n] [--rounds n] [--output results.json] [--mnist-dir folder]");
        return error is null ? 0 : 2;
    }
}
