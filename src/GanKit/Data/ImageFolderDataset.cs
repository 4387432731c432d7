using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// A folder of PNG, JPEG, BMP, GIF and WebP images (searched recursively), each resized and
/// centre-cropped to a square, converted to grayscale or RGB and scaled as
/// <see cref="ImageFolderOptions"/> say; optionally labelled by top-level subfolder.
/// </summary>
/// <remarks>
/// <para>
/// Opening the folder lists the files and reads every header, so an oversized or non-image file is
/// found before training starts; pixels are decoded only when asked for. Files are ordered by
/// their path relative to the folder, compared ordinally with <c>/</c> separators, so the same
/// folder gives the same order, and a seeded run the same batches, on every machine.
/// </para>
/// <para>
/// Train on it in memory (<see cref="ToTensorDataset"/>), or streamed from disk
/// (<see cref="CreateBatchSource"/>), which also chooses between the two under a memory limit.
/// </para>
/// </remarks>
public sealed partial class ImageFolderDataset : ILabelledDataset, IDisposable
{
    /// <summary>The file extensions read, compared without regard to case.</summary>
    public static readonly IReadOnlyList<string> Extensions = new[] { ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp" };

    private readonly ImageFolderOptions _options;
    private readonly ImageFileDecoder _decoder;
    private readonly ImageEntry[] _entries;
    private readonly string[] _classNames;
    private readonly DecodedImageCache? _cache;
    private Tensor? _labels;
    private long _decodeCount;
    private bool _disposed;

    private ImageFolderDataset(string folder, ImageFolderOptions options, ImageFileDecoder decoder, ImageEntry[] entries, string[] classNames, IReadOnlyList<string> skipped, ILogger logger)
    {
        Folder = folder;
        _options = options;
        _decoder = decoder;
        _entries = entries;
        _classNames = classNames;
        SkippedFiles = skipped;
        Logger = logger;
        if (options.CacheFile is not null)
        {
            _cache = DecodedImageCache.Open(options.CacheFile, this, logger);
        }
    }

    /// <summary>Gets the full path of the folder.</summary>
    public string Folder { get; }

    /// <summary>Gets the number of images.</summary>
    public long Count => _entries.Length;

    /// <summary>Gets the shape of one decoded image: <c>[Channels, ImageSize, ImageSize]</c>.</summary>
    public long[] ImageShape => new long[] { _options.Channels, _options.ImageSize, _options.ImageSize };

    /// <summary>Gets how pixels are scaled.</summary>
    public ImagePixelRange PixelRange => _options.PixelRange;

    /// <summary>Gets each image's path relative to <see cref="Folder"/>, with <c>/</c> separators, in dataset order.</summary>
    public IReadOnlyList<string> Files => Array.ConvertAll(_entries, e => e.RelativePath);

    /// <summary>Gets the files (relative paths) left out because they could not be read, when <see cref="UnreadableImagePolicy.Skip"/> is set.</summary>
    public IReadOnlyList<string> SkippedFiles { get; }

    /// <inheritdoc />
    public int ClassCount => _classNames.Length;

    /// <inheritdoc />
    /// <remarks>Without <see cref="ImageFolderOptions.ClassFolders"/>, one class named after the folder.</remarks>
    public IReadOnlyList<string> ClassNames => _classNames;

    /// <inheritdoc />
    /// <remarks>On the CPU; owned by the dataset.</remarks>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public Tensor Labels
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _labels ??= torch.tensor(Array.ConvertAll(_entries, e => (long)e.Label), dtype: ScalarType.Int64).DetachFromDisposeScope();
        }
    }

    /// <summary>Gets the number of bytes all images take once decoded (float32).</summary>
    public long DecodedBytes => Count * _decoder.ValuesPerImage * sizeof(float);

    /// <summary>Gets the number of float values in one decoded image.</summary>
    internal int ValuesPerImage => _decoder.ValuesPerImage;

    /// <summary>Gets how many times a file was actually decoded (not served from the cache), for tests and benchmarks.</summary>
    internal long DecodeCount => Interlocked.Read(ref _decodeCount);

    internal ILogger Logger { get; }

    internal ImageFolderOptions Options => _options;

    internal ImageEntry Entry(long index) => _entries[index];

    /// <summary>Gets the label of image <paramref name="index"/>.</summary>
    /// <param name="index">Position in dataset order.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    public int LabelOf(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _entries[index].Label;
    }

    /// <summary>Decodes image <paramref name="index"/> into a new CPU tensor of shape <see cref="ImageShape"/>.</summary>
    /// <param name="index">Position in dataset order.</param>
    /// <returns>A tensor the caller owns.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    /// <exception cref="InvalidDataException">The file can no longer be decoded; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public Tensor Decode(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var values = new float[ValuesPerImage];
        Read(index, values);
        return torch.tensor(values, ImageShape);
    }

    /// <summary>
    /// Decodes every image into one CPU tensor, in dataset order, using every core. The result is
    /// <see cref="DecodedBytes"/> large; for folders that do not fit, stream them with <see cref="CreateBatchSource"/>.
    /// </summary>
    /// <returns>A dataset the caller owns; its rows line up with <see cref="Labels"/>.</returns>
    /// <exception cref="InvalidDataException">A file can no longer be decoded; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public TensorImageDataset ToTensorDataset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        const int chunk = 256;
        int values = ValuesPerImage;
        var all = torch.empty(new[] { Count }.Concat(ImageShape).ToArray(), dtype: ScalarType.Float32).DetachFromDisposeScope();
        try
        {
            var buffer = new float[chunk * values];
            for (long start = 0; start < Count; start += chunk)
            {
                int length = (int)Math.Min(chunk, Count - start);
                Parallel.For(0, length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                    Read(start + i, buffer.AsSpan(i * values, values)));
                using var scope = torch.NewDisposeScope();
                var decoded = length == chunk ? torch.tensor(buffer, new[] { (long)length }.Concat(ImageShape).ToArray()) : torch.tensor(buffer[..(length * values)], new[] { (long)length }.Concat(ImageShape).ToArray());
                all.narrow(0, start, length).copy_(decoded);
            }

            return new TensorImageDataset(all);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            all.Dispose();
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
        catch
        {
            all.Dispose();
            throw;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with image <paramref name="index"/>, from the cache when it holds it. Thread-safe.</summary>
    internal void Read(long index, Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_cache is not null && _cache.TryRead(index, destination))
        {
            return;
        }

        _decoder.Decode(_entries[index].FullPath, destination);
        Interlocked.Increment(ref _decodeCount);
        _cache?.Write(index, destination);
    }

    /// <summary>Releases the labels tensor and the cache file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _labels?.Dispose();
        _cache?.Dispose();
    }

    /// <summary>One readable file: where it is, its class, and the size and time that key the cache.</summary>
    internal sealed record ImageEntry(string RelativePath, string FullPath, int Label, long Length, long LastWriteTicks);
}
