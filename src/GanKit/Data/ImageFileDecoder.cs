using System.Buffers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GanKit.Data;

/// <summary>
/// Turns one image file into <c>channels x size x size</c> float32 values, channels first: header
/// check, decode, resize and centre-crop, colour conversion and scaling in one place, so the
/// in-memory load, the streamed batches and the cache all produce the same numbers.
/// </summary>
internal sealed class ImageFileDecoder
{
    private readonly Configuration _configuration;
    private readonly int _size;
    private readonly int _channels;
    private readonly long _maxPixels;
    private readonly float _scale;
    private readonly float _offset;

    public ImageFileDecoder(ImageFolderOptions options)
    {
        // Parallelism comes from decoding several files at once; ImageSharp's own per-image
        // parallelism would only make the workers compete for the same cores.
        _configuration = Configuration.Default.Clone();
        _configuration.MaxDegreeOfParallelism = 1;
        _size = options.ImageSize;
        _channels = options.Channels;
        _maxPixels = options.MaxImagePixels;
        (_scale, _offset) = options.PixelRange == ImagePixelRange.MinusOneToOne ? (1f / 127.5f, -1f) : (1f / 255f, 0f);
    }

    /// <summary>
    /// Gets the largest file read whole: 8 bytes a pixel of the pixel limit (more than an
    /// uncompressed 16-bit RGBA image takes) plus 1 MiB of metadata.
    /// </summary>
    public long MaxFileBytes => (_maxPixels * 8) + (1 << 20);

    /// <summary>Gets the number of float values one decoded image has.</summary>
    public int ValuesPerImage => _channels * _size * _size;

    /// <summary>Reads only the header and throws when the file is not an image or is too large to decode.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable image, or exceeds the pixel limit.</exception>
    public void CheckHeader(string path)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(_configuration, path, out _);
        }
        catch (Exception e) when (IsUndecodable(e))
        {
            throw Unreadable(path, e.Message, e);
        }

        CheckInfo(path, info);
    }

    private void CheckInfo(string path, IImageInfo? info)
    {
        if (info is null)
        {
            throw Unreadable(path, "its format is not PNG, JPEG, BMP, GIF or WebP (the header matches none of them)", null);
        }

        long pixels = (long)info.Width * info.Height;
        if (info.Width < 1 || info.Height < 1)
        {
            throw Unreadable(path, $"its header gives {info.Width}x{info.Height} pixels", null);
        }

        if (pixels > _maxPixels)
        {
            throw new InvalidDataException($"'{path}' is {info.Width}x{info.Height} pixels ({pixels:N0}), more than ImageFolderOptions.MaxImagePixels ({_maxPixels:N0}); it was not decoded. Raise MaxImagePixels to read it.");
        }
    }

    /// <summary>Decodes <paramref name="path"/> into <paramref name="destination"/> (<see cref="ValuesPerImage"/> values).</summary>
    /// <exception cref="InvalidDataException">The file is not a readable image, or exceeds the pixel limit.</exception>
    public void Decode(string path, Span<float> destination)
    {
        if (destination.Length != ValuesPerImage)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; one image needs {ValuesPerImage}.", nameof(destination));
        }

        // One read serves the header check (again, since the file may have changed since the
        // folder was opened), the completeness check and the decode.
        long length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw Unreadable(path, $"the file is {length:N0} bytes, more than any image within MaxImagePixels needs ({MaxFileBytes:N0})", null);
        }

        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            CheckInfo(path, Image.Identify(_configuration, bytes, out _));
            if (JpegEnd.IsJpeg(bytes) && !JpegEnd.ReachesEnd(bytes))
            {
                throw Unreadable(path, "the JPEG data stops before its end-of-image marker (the file is truncated)", null);
            }

            if (_channels == 1)
            {
                DecodeAs<L8>(bytes, destination);
            }
            else
            {
                DecodeAs<Rgb24>(bytes, destination);
            }
        }
        catch (Exception e) when (IsUndecodable(e))
        {
            throw Unreadable(path, e.Message, e);
        }
    }

    private void DecodeAs<TPixel>(byte[] bytes, Span<float> destination)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var loaded = Image.Load<TPixel>(_configuration, bytes);

        // An animated GIF contributes its first frame; resizing every frame would waste the work.
        using var single = loaded.Frames.Count > 1 ? loaded.Frames.CloneFrame(0) : null;
        var image = single ?? loaded;
        if (image.Width != _size || image.Height != _size)
        {
            image.Mutate(x => x.Resize(new ResizeOptions
            {
                Size = new Size(_size, _size),
                Mode = ResizeMode.Crop,
                Position = AnchorPositionMode.Center,
                Sampler = KnownResamplers.Bicubic,
            }));
        }

        int plane = _size * _size;
        byte[] pixels = ArrayPool<byte>.Shared.Rent(plane * _channels);
        try
        {
            var interleaved = pixels.AsSpan(0, plane * _channels);
            image.CopyPixelDataTo(interleaved);

            // Interleaved HWC bytes become channel-first floats.
            for (int c = 0; c < _channels; c++)
            {
                var target = destination.Slice(c * plane, plane);
                for (int p = 0; p < plane; p++)
                {
                    target[p] = (interleaved[(p * _channels) + c] * _scale) + _offset;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    private static bool IsUndecodable(Exception e) =>
        e is ImageFormatException or NotSupportedException or EndOfStreamException or InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException;

    private static InvalidDataException Unreadable(string path, string reason, Exception? inner) =>
        new($"'{path}' is not a readable image: {reason}", inner);
}
