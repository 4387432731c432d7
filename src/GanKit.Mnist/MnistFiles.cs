namespace GanKit.Mnist;

/// <summary>The names and content hashes of the four MNIST files.</summary>
/// <remarks>
/// The hashes are SHA-256 of the uncompressed IDX bytes, so the same value checks a raw file, a
/// <c>.gz</c> from a mirror and the copy inside the npm package.
/// </remarks>
internal static class MnistFiles
{
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    public static IReadOnlyDictionary<string, string> Sha256 { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TrainImages] = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        [TrainLabels] = "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        [TestImages] = "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        [TestLabels] = "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    };

    /// <summary>The exact size of each uncompressed file: it bounds a download before its hash can be checked.</summary>
    public static IReadOnlyDictionary<string, long> Sizes { get; } = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        [TrainImages] = 16 + (60_000L * 28 * 28),
        [TrainLabels] = 8 + 60_000L,
        [TestImages] = 16 + (10_000L * 28 * 28),
        [TestLabels] = 8 + 10_000L,
    };

    public static (string Images, string Labels) For(MnistSplit split) => split switch
    {
        MnistSplit.Train => (TrainImages, TrainLabels),
        MnistSplit.Test => (TestImages, TestLabels),
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Expected MnistSplit.Train or MnistSplit.Test."),
    };
}
