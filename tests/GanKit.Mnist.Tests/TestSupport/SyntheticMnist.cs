using GanKit.Mnist.Idx;

namespace GanKit.Mnist.Tests.TestSupport;

/// <summary>
/// Small stand-ins for the MNIST test-split files (5 images, 28x28) under the real names, with
/// options whose hash table expects exactly these bytes, so the whole fetch-verify-load path runs
/// without the real data.
/// </summary>
internal sealed class SyntheticMnist
{
    public const int Count = 5;

    public byte[] Images { get; } = IdxFiles.Images(Count);

    public byte[] Labels { get; } = IdxFiles.Labels(Count);

    public byte[] ContentOf(string fileName) => fileName switch
    {
        MnistFiles.TestImages => Images,
        MnistFiles.TestLabels => Labels,
        _ => throw new ArgumentException($"No synthetic content for {fileName}.", nameof(fileName)),
    };

    /// <summary>Options loading into <paramref name="directory"/> that expect these files' hashes and use no real source.</summary>
    public MnistLoadOptions Options(string directory) => new()
    {
        Directory = directory,
        Mirrors = [],
        UseNpm = false,
        ExpectedSha256 =
        {
            [MnistFiles.TestImages] = IdxFiles.Sha256(Images),
            [MnistFiles.TestLabels] = IdxFiles.Sha256(Labels),
        },
        RequestTimeout = TimeSpan.FromSeconds(5),
        RetryDelay = TimeSpan.FromMilliseconds(10),
        LockTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Checks that <paramref name="dataset"/> holds exactly these files' content.</summary>
    public static void ShouldMatch(MnistDataset dataset)
    {
        dataset.Count.Should().Be(Count);
        dataset.ImageShape.Should().Equal(1, 28, 28);
        dataset.Labels.data<long>().ToArray().Should().Equal(0, 1, 2, 3, 4);
        var expected = IdxFiles.Pixels(Count, 28 * 28).Select(b => (float)((b - 127.5) / 127.5)).ToArray();
        dataset.Images.data<float>().ToArray().Should().Equal(expected, (actual, wanted) => Math.Abs(actual - wanted) < 1e-6f);
    }

    public static int MagicOf(string fileName) => IdxReader.MagicForName(fileName);
}
