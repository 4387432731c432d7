using GanKit.Mnist;
using static TorchSharp.torch;

namespace GanKit.Samples.Snippets;

/// <summary>README, "MNIST data".</summary>
internal static class MnistData
{
    public static void Run(Device device)
    {
        using var train = MnistDataset.Load(MnistSplit.Train).To(device);   // [60000,1,28,28] float32 in [-1,1], int64 labels
    }
}
