using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GanKit.Tests.TestSupport;

/// <summary>Writes real image files, good and bad, for the image-folder tests.</summary>
internal static class ImageFiles
{
    /// <summary>A solid-colour image saved in the format its extension names.</summary>
    public static string Solid(string path, int width, int height, Rgb24 colour)
    {
        using var image = new Image<Rgb24>(width, height, colour);
        return Save(image, path);
    }

    /// <summary>An image whose pixels are filled by <paramref name="pixel"/>(x, y).</summary>
    public static string Pattern(string path, int width, int height, Func<int, int, Rgb24> pixel)
    {
        using var image = new Image<Rgb24>(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                image[x, y] = pixel(x, y);
            }
        }

        return Save(image, path);
    }

    /// <summary>A PNG with seeded random gray pixels (PNG is lossless, so it decodes back exactly).</summary>
    public static string RandomGray(string path, int size, int seed)
    {
        var random = new Random(seed);
        return Pattern(path, size, size, (_, _) =>
        {
            byte v = (byte)random.Next(256);
            return new Rgb24(v, v, v);
        });
    }

    /// <summary>A valid image cut off after <paramref name="keep"/> of its bytes.</summary>
    public static string Truncated(string path, int width, int height, double keep = 0.5)
    {
        Pattern(path, width, height, (x, y) => new Rgb24((byte)(x * 7), (byte)(y * 13), (byte)(x ^ y)));
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        return path;
    }

    /// <summary>A PNG signature and a valid header chunk claiming <paramref name="width"/> x <paramref name="height"/>, and no pixels.</summary>
    public static string PngHeaderOnly(string path, uint width, uint height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        using var stream = File.Create(path);
        stream.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        WriteChunk(stream, "IHDR", ihdr);
        WriteChunk(stream, "IEND", Array.Empty<byte>());
        return path;
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        stream.Write(word);
        byte[] typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        stream.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    private static string Save(Image image, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".png": image.SaveAsPng(path); break;
            case ".jpg" or ".jpeg": image.SaveAsJpeg(path, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 95 }); break;
            case ".bmp": image.SaveAsBmp(path); break;
            case ".gif": image.SaveAsGif(path); break;
            case ".webp": image.SaveAsWebp(path, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossless }); break;
            default: throw new ArgumentException($"No encoder for '{path}'.", nameof(path));
        }

        return path;
    }
}
