using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace GanKit.Mnist.Idx;

/// <summary>Reads unsigned-byte IDX files, raw or gzip-compressed, checking every header field before allocating.</summary>
/// <remarks>
/// The format is a 4-byte magic number <c>00 00 08 n</c> (type 0x08 = unsigned byte, n dimensions),
/// n big-endian 32-bit dimensions, then the bytes. The declared size is checked against what the
/// file can hold before the body buffer is allocated, so a header that claims 2^31 images in a
/// 1 KB file fails at once.
/// </remarks>
internal static class IdxReader
{
    /// <summary>The magic number of an image file: unsigned bytes, three dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of a label file: unsigned bytes, one dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    // Deflate cannot expand input by more than about 1032 to 1, so a gzip file of n bytes holds at
    // most n * 1032 bytes; a header declaring more is rejected without decompressing anything.
    private const long MaxDeflateRatio = 1032;

    // Marks errors this reader raises, so they are told apart from GZipStream's own InvalidDataException.
    private const string FormatErrorKey = "GanKit.Mnist.IdxFormatError";

    /// <summary>Gets the magic number a file should have from its conventional name (<c>...-idx1-ubyte</c> holds labels, <c>...-idx3-ubyte</c> images).</summary>
    public static int MagicForName(string fileName) =>
        fileName.Contains("idx1", StringComparison.OrdinalIgnoreCase) ? LabelsMagic : ImagesMagic;

    /// <summary>Reads and checks the IDX file at <paramref name="path"/>.</summary>
    /// <param name="path">A raw or gzip-compressed IDX file (detected from its first bytes, not its name).</param>
    /// <param name="expectedMagic"><see cref="ImagesMagic"/> or <see cref="LabelsMagic"/>.</param>
    /// <exception cref="InvalidDataException">The file breaks the format; the message names the file, the field and the value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IdxData Read(string path, int expectedMagic)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        long fileLength = file.Length;
        bool gzip = IsGzip(file);
        file.Position = 0;
        if (!gzip)
        {
            return ReadCore(file, path, expectedMagic, bytesAvailable: fileLength, gzipLength: null);
        }

        try
        {
            using var inflated = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            return ReadCore(inflated, path, expectedMagic, bytesAvailable: null, gzipLength: fileLength);
        }
        catch (InvalidDataException ex) when (!ex.Data.Contains(FormatErrorKey))
        {
            throw new InvalidDataException($"IDX file '{path}': the gzip data is corrupt ({ex.Message}).", ex);
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> sniff = stackalloc byte[2];
        return file.ReadAtLeast(sniff, 2, throwOnEndOfStream: false) == 2 && sniff[0] == 0x1F && sniff[1] == 0x8B;
    }

    private static IdxData ReadCore(Stream stream, string path, int expectedMagic, long? bytesAvailable, long? gzipLength)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        Span<byte> magicBytes = stackalloc byte[4];
        int got = stream.ReadAtLeast(magicBytes, 4, throwOnEndOfStream: false);
        if (got < 4)
        {
            throw Fail(path, "header", $"the magic number needs 4 bytes but the file holds {got}");
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(magicBytes);
        if (magic != expectedMagic)
        {
            throw Fail(path, "magic", $"expected 0x{expectedMagic:X8} ({Describe(expectedMagic)}), got 0x{magic:X8}");
        }

        hash.AppendData(magicBytes);
        int rank = magic & 0xFF;
        Span<byte> dimensionBytes = stackalloc byte[4 * rank];
        got = stream.ReadAtLeast(dimensionBytes, dimensionBytes.Length, throwOnEndOfStream: false);
        if (got < dimensionBytes.Length)
        {
            throw Fail(path, "header", $"{rank} dimensions need {dimensionBytes.Length} bytes after the magic number but the file holds {got}");
        }

        hash.AppendData(dimensionBytes);
        var dimensions = new int[rank];
        long declared = 1;
        for (int i = 0; i < rank; i++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(dimensionBytes[(4 * i)..]);
            if (size == 0 || size > int.MaxValue)
            {
                throw Fail(path, $"dimension {i} ({DimensionName(expectedMagic, i)})", $"must be between 1 and {int.MaxValue}, got {size}");
            }

            dimensions[i] = (int)size;
            declared *= size;
            if (declared > Array.MaxLength)
            {
                throw Fail(path, "dimensions", $"[{string.Join(", ", ReadAll(dimensionBytes, rank))}] declare more than {Array.MaxLength} data bytes, the most one array can hold");
            }
        }

        long headerLength = 4 + dimensionBytes.Length;
        if (bytesAvailable is { } length)
        {
            long present = length - headerLength;
            if (present < declared)
            {
                throw Fail(path, "body", $"the header declares {declared} data bytes but only {present} follow it (truncated file)");
            }

            if (present > declared)
            {
                throw Fail(path, "body", $"the header declares {declared} data bytes but {present} follow it ({present - declared} bytes of trailing data)");
            }
        }
        else if (gzipLength is { } compressed && declared + headerLength > compressed * MaxDeflateRatio)
        {
            throw Fail(path, "body", $"the header declares {declared} data bytes, more than a {compressed}-byte gzip file can hold (truncated or forged header)");
        }

        var body = new byte[declared];
        got = stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false);
        if (got < body.Length)
        {
            throw Fail(path, "body", $"the header declares {declared} data bytes but only {got} follow it (truncated file)");
        }

        if (bytesAvailable is null && stream.ReadByte() >= 0)
        {
            throw Fail(path, "body", $"the header declares {declared} data bytes but more data follows them (trailing data)");
        }

        hash.AppendData(body);
        return new IdxData(path, dimensions, body, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static uint[] ReadAll(ReadOnlySpan<byte> dimensionBytes, int rank)
    {
        var sizes = new uint[rank];
        for (int i = 0; i < rank; i++)
        {
            sizes[i] = BinaryPrimitives.ReadUInt32BigEndian(dimensionBytes[(4 * i)..]);
        }

        return sizes;
    }

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "unsigned-byte images, 3 dimensions",
        LabelsMagic => "unsigned-byte labels, 1 dimension",
        _ => "IDX",
    };

    private static string DimensionName(int magic, int index) => (magic, index) switch
    {
        (_, 0) => "count",
        (ImagesMagic, 1) => "rows",
        (ImagesMagic, 2) => "columns",
        _ => "size",
    };

    private static InvalidDataException Fail(string path, string field, string problem)
    {
        var error = new InvalidDataException($"IDX file '{path}', field '{field}': {problem}.");
        error.Data[FormatErrorKey] = true;
        return error;
    }
}
