using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace GanKit.Data;

/// <summary>
/// A memory-mapped file of decoded images, so that after the first epoch (or the first run)
/// an <see cref="ImageFolderDataset"/> serves its images without decoding them. Set
/// <see cref="ImageFolderOptions.CacheFile"/> to use one.
/// </summary>
/// <remarks>
/// <para>
/// The file holds every image as float32 values, <see cref="ImageFolderDataset.DecodedBytes"/> in
/// all, so it suits small images: 64x64 RGB takes 48 KiB an image, a 28x28 grayscale one 3 KiB.
/// Each image is stored with the size and last-write time its file had; an image whose file
/// changed since is decoded again. A cache made for another file list, image size, channel count
/// or pixel range is rebuilt from scratch.
/// </para>
/// <para>
/// An image is marked filled only after its values are written, so a run stopped mid-epoch leaves
/// a cache whose filled entries are whole. A machine that loses power may still leave torn pages;
/// the cache is only a copy, so delete its file when in doubt.
/// </para>
/// </remarks>
public sealed class DecodedImageCache : IDisposable
{
    private const int Magic = 0x43444B47; // "GKDC"
    private const int Version = 1;
    private const int HeaderBytes = 64;
    private const int StampBytes = 24;
    private const long Filled = 1;

    [ThreadStatic]
    private static float[]? _scratch;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly long _count;
    private readonly int _values;
    private long _hits;

    private DecodedImageCache(MemoryMappedFile file, MemoryMappedViewAccessor view, long count, int values, string path)
    {
        _file = file;
        _view = view;
        _count = count;
        _values = values;
        Path = path;
    }

    /// <summary>Gets the full path of the cache file.</summary>
    public string Path { get; }

    /// <summary>Gets how many images were served from the cache since it was opened.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Gets how many images the cache holds, decoded and up to date.</summary>
    public long FilledCount
    {
        get
        {
            long filled = 0;
            for (long i = 0; i < _count; i++)
            {
                filled += _view.ReadInt64(StampOffset(i) + 16) == Filled ? 1 : 0;
            }

            return filled;
        }
    }

    /// <summary>Opens (or makes) the cache of <paramref name="dataset"/> at <paramref name="path"/>.</summary>
    internal static DecodedImageCache Open(string path, ImageFolderDataset dataset, ILogger logger)
    {
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        long count = dataset.Count;
        int values = dataset.ValuesPerImage;
        long key = Key(dataset);
        long size = HeaderBytes + (count * StampBytes) + (count * values * sizeof(float));

        bool reuse = File.Exists(full) && new FileInfo(full).Length == size && HeaderMatches(full, count, values, key);
        if (!reuse && File.Exists(full))
        {
            File.Delete(full);
        }

        var file = MemoryMappedFile.CreateFromFile(full, FileMode.OpenOrCreate, null, size, MemoryMappedFileAccess.ReadWrite);
        var view = file.CreateViewAccessor(0, size, MemoryMappedFileAccess.ReadWrite);
        var cache = new DecodedImageCache(file, view, count, values, full);
        if (!reuse)
        {
            view.Write(0, Magic);
            view.Write(4, Version);
            view.Write(8, count);
            view.Write(16, values);
            view.Write(24, key);
        }

        long kept = 0;
        for (long i = 0; i < count; i++)
        {
            var entry = dataset.Entry(i);
            long at = StampOffset(i);
            bool same = reuse && view.ReadInt64(at) == entry.Length && view.ReadInt64(at + 8) == entry.LastWriteTicks && view.ReadInt64(at + 16) == Filled;
            if (same)
            {
                kept++;
                continue;
            }

            // Clear the mark before the stamp changes, so no moment shows a new stamp over old pixels as filled.
            view.Write(at + 16, 0L);
            view.Write(at, entry.Length);
            view.Write(at + 8, entry.LastWriteTicks);
        }

        Log.CacheOpened(logger, full, kept, count);
        return cache;
    }

    /// <summary>Copies image <paramref name="index"/> into <paramref name="destination"/> when it is cached.</summary>
    internal bool TryRead(long index, Span<float> destination)
    {
        if (_view.ReadInt64(StampOffset(index) + 16) != Filled)
        {
            return false;
        }

        var scratch = Scratch();
        _view.ReadArray(DataOffset(index), scratch, 0, _values);
        scratch.AsSpan(0, _values).CopyTo(destination);
        Interlocked.Increment(ref _hits);
        return true;
    }

    /// <summary>Stores image <paramref name="index"/>, then marks it filled.</summary>
    internal void Write(long index, ReadOnlySpan<float> values)
    {
        var scratch = Scratch();
        values.CopyTo(scratch);
        _view.WriteArray(DataOffset(index), scratch, 0, _values);
        _view.Write(StampOffset(index) + 16, Filled);
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        _view.Flush();
        _view.Dispose();
        _file.Dispose();
    }

    private float[] Scratch()
    {
        if (_scratch is null || _scratch.Length < _values)
        {
            _scratch = new float[_values];
        }

        return _scratch;
    }

    private static long StampOffset(long index) => HeaderBytes + (index * StampBytes);

    private long DataOffset(long index) => HeaderBytes + (_count * StampBytes) + (index * _values * sizeof(float));

    private static bool HeaderMatches(string path, long count, int values, long key)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        bool same = reader.ReadInt32() == Magic && reader.ReadInt32() == Version && reader.ReadInt64() == count && reader.ReadInt32() == values;
        reader.ReadInt32(); // padding, so the key is 8-byte aligned
        return same && reader.ReadInt64() == key;
    }

    /// <summary>What the cached values depend on besides each file: the file list and the decoding settings.</summary>
    private static long Key(ImageFolderDataset dataset)
    {
        var options = dataset.Options;
        var text = new StringBuilder()
            .Append(options.ImageSize).Append('|').Append(options.Channels).Append('|').Append(options.PixelRange).Append('\n');
        foreach (string file in dataset.Files)
        {
            text.Append(file).Append('\n');
        }

        return BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0);
    }
}
