using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using GanKit.Mnist.Idx;

namespace GanKit.Mnist.Tests.TestSupport;

/// <summary>Builds IDX files byte by byte, so tests control every header field.</summary>
internal static class IdxFiles
{
    /// <summary>A header: the magic number then each dimension, big-endian.</summary>
    public static byte[] Header(int magic, params uint[] dimensions)
    {
        var header = new byte[4 + (4 * dimensions.Length)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        return header;
    }

    /// <summary>An images file of <paramref name="count"/> images whose pixel <c>p</c> of image <c>i</c> is <c>(i * 7 + p) % 256</c>.</summary>
    public static byte[] Images(int count, int rows = 28, int columns = 28) =>
        [.. Header(IdxReader.ImagesMagic, (uint)count, (uint)rows, (uint)columns), .. Pixels(count, rows * columns)];

    /// <summary>The data bytes of <see cref="Images"/>.</summary>
    public static byte[] Pixels(int count, int pixelsPerImage)
    {
        var pixels = new byte[count * pixelsPerImage];
        for (int i = 0; i < count; i++)
        {
            for (int p = 0; p < pixelsPerImage; p++)
            {
                pixels[(i * pixelsPerImage) + p] = (byte)(((i * 7) + p) % 256);
            }
        }

        return pixels;
    }

    /// <summary>A labels file whose label <c>i</c> is <c>i % 10</c>.</summary>
    public static byte[] Labels(int count) =>
        [.. Header(IdxReader.LabelsMagic, (uint)count), .. Enumerable.Range(0, count).Select(i => (byte)(i % 10))];

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Writes <paramref name="content"/> (gzipped, with <c>.gz</c> added, when asked) and returns the path.</summary>
    public static string Write(string directory, string name, byte[] content, bool gzip = false)
    {
        string path = Path.Combine(directory, gzip ? name + ".gz" : name);
        File.WriteAllBytes(path, gzip ? Gzip(content) : content);
        return path;
    }
}
