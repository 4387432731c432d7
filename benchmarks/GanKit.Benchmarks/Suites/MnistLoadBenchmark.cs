using System.Diagnostics;
using GanKit.Benchmarks.Harness;
using GanKit.Mnist;

namespace GanKit.Benchmarks.Suites;

/// <summary>Seconds to read, verify and scale MNIST's training split from local IDX files.</summary>
public static class MnistLoadBenchmark
{
    /// <summary>Loads the training split once to find out whether it is there (nothing is downloaded).</summary>
    /// <param name="directory">The MNIST folder, or null for the library's default lookup.</param>
    /// <returns>The dataset, or null with the reason when the files are not present.</returns>
    public static (MnistDataset? Dataset, string Reason) TryLoad(string? directory)
    {
        try
        {
            return (MnistDataset.Load(MnistSplit.Train, Options(directory)), "MNIST training split");
        }
        catch (FileNotFoundException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Times repeated loads (the files are in the page cache after the first).</summary>
    /// <param name="context">The shared context.</param>
    public static void Run(BenchmarkContext context)
    {
        if (TryLoad(context.MnistDirectory) is not ({ } first, _))
        {
            Console.WriteLine("mnist-load: skipped, no local MNIST files (pass --mnist-dir or set GANKIT_DATA)");
            context.Report.AddCheck(true, "mnist-load skipped: no local MNIST files");
            return;
        }

        first.Dispose();
        (string Case, MnistSplit Split, bool Verify, MnistPixelRange Range)[] cases =
        [
            ("train, SHA-256 checked, [-1, 1]", MnistSplit.Train, true, MnistPixelRange.MinusOneToOne),
            ("train, no hash check, [-1, 1]", MnistSplit.Train, false, MnistPixelRange.MinusOneToOne),
            ("train, SHA-256 checked, [0, 1]", MnistSplit.Train, true, MnistPixelRange.ZeroToOne),
            ("test, SHA-256 checked, [-1, 1]", MnistSplit.Test, true, MnistPixelRange.MinusOneToOne),
        ];
        foreach (var (name, split, verify, range) in cases)
        {
            var seconds = Interleaved.Repeat(1, context.Settings.SimpleRounds, () =>
            {
                // Collect first so one load's garbage is not charged to the next.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var options = Options(context.MnistDirectory);
                options.VerifyHashes = verify;
                options.PixelRange = range;
                var clock = Stopwatch.StartNew();
                using var dataset = MnistDataset.Load(split, options);
                return clock.Elapsed.TotalSeconds;
            });
            context.Report.Add(new ResultRow("mnist-load", name, "s", Stats.Of(seconds), "read, verify, scale to float32; files in the page cache"));
        }
    }

    private static MnistLoadOptions Options(string? directory) => new() { Directory = directory, Download = false };
}
