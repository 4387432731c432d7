using GanKit.Internal;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Imaging;

/// <summary>
/// Tiles a batch of images into one picture: generator outputs in <c>[-1, 1]</c> become pixels
/// <c>0..255</c>, laid out row by row with padding between tiles.
/// </summary>
/// <remarks>
/// The tiling is done here rather than with <c>torchvision.utils.make_grid</c>, which fails when the
/// batch does not fill its last row; any batch size works, and empty cells keep the padding colour.
/// </remarks>
public static class ImageGrid
{
    /// <summary>The default padding between tiles and around the grid, in pixels.</summary>
    public const int DefaultPadding = 2;

    /// <summary>The default padding grey level (0 is black).</summary>
    public const byte DefaultPaddingValue = 0;

    /// <summary>
    /// Renders <paramref name="images"/> (shape <c>[N, C, H, W]</c> with C = 1 or 3, or <c>[N, H, W]</c>)
    /// as a grid image; the caller owns (and disposes) the result.
    /// </summary>
    /// <param name="images">Pixel values in [-1, 1]; values outside are clamped. Any device.</param>
    /// <param name="columns">Tiles per row; 0 picks <c>ceil(sqrt(N))</c> (4 for 16 images).</param>
    /// <param name="padding">Pixels between tiles and around the grid; not negative.</param>
    /// <param name="paddingValue">Grey level of the padding.</param>
    /// <returns>An 8-bit grey image for one channel, RGB for three.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentException">The tensor's shape is not a batch of 1- or 3-channel images, or it is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> or <paramref name="padding"/> is negative.</exception>
    public static Image Render(Tensor images, int columns = 0, int padding = DefaultPadding, byte paddingValue = DefaultPaddingValue)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        var (count, channels, height, width, pixels) = ToBytes(images);
        if (columns == 0)
        {
            columns = (int)Math.Ceiling(Math.Sqrt(count));
        }

        columns = Math.Min(columns, count);
        int rows = (count + columns - 1) / columns;
        int gridWidth = checked((columns * (width + padding)) + padding);
        int gridHeight = checked((rows * (height + padding)) + padding);
        int plane = height * width;

        if (channels == 1)
        {
            var grid = new Image<L8>(gridWidth, gridHeight, new L8(paddingValue));
            grid.ProcessPixelRows(access =>
            {
                for (int n = 0; n < count; n++)
                {
                    int left = padding + ((n % columns) * (width + padding));
                    int top = padding + ((n / columns) * (height + padding));
                    for (int y = 0; y < height; y++)
                    {
                        var row = access.GetRowSpan(top + y);
                        int source = (n * plane) + (y * width);
                        for (int x = 0; x < width; x++)
                        {
                            row[left + x] = new L8(pixels[source + x]);
                        }
                    }
                }
            });
            return grid;
        }

        var rgb = new Image<Rgb24>(gridWidth, gridHeight, new Rgb24(paddingValue, paddingValue, paddingValue));
        rgb.ProcessPixelRows(access =>
        {
            for (int n = 0; n < count; n++)
            {
                int left = padding + ((n % columns) * (width + padding));
                int top = padding + ((n / columns) * (height + padding));
                int image = n * 3 * plane;
                for (int y = 0; y < height; y++)
                {
                    var row = access.GetRowSpan(top + y);
                    for (int x = 0; x < width; x++)
                    {
                        int at = (y * width) + x;
                        row[left + x] = new Rgb24(pixels[image + at], pixels[image + plane + at], pixels[image + (2 * plane) + at]);
                    }
                }
            }
        });
        return rgb;
    }

    /// <summary>Renders <paramref name="images"/> as a grid and writes it to <paramref name="path"/> as PNG.</summary>
    /// <param name="images">Pixel values in [-1, 1]; see <see cref="Render"/>.</param>
    /// <param name="path">Destination file; its folder is created when missing.</param>
    /// <param name="columns">Tiles per row; 0 picks <c>ceil(sqrt(N))</c>.</param>
    /// <param name="padding">Pixels between tiles and around the grid.</param>
    /// <param name="paddingValue">Grey level of the padding.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The tensor's shape is not a batch of 1- or 3-channel images, or it is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> or <paramref name="padding"/> is negative.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void SavePng(Tensor images, string path, int columns = 0, int padding = DefaultPadding, byte paddingValue = DefaultPaddingValue)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var grid = Render(images, columns, padding, paddingValue);
        AtomicFile.Write(path, stream => grid.SaveAsPng(stream));
    }

    private static (int Count, int Channels, int Height, int Width, byte[] Pixels) ToBytes(Tensor images)
    {
        long[] shape = images.shape;
        if (shape.Length == 3)
        {
            shape = new[] { shape[0], 1, shape[1], shape[2] };
        }

        if (shape.Length != 4 || (shape[1] != 1 && shape[1] != 3) || shape[0] == 0 || shape[2] == 0 || shape[3] == 0)
        {
            throw new ArgumentException($"Expected a non-empty batch of 1- or 3-channel images [N, C, H, W] (or [N, H, W]); got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        using var scope = torch.NewDisposeScope();
        var bytes = images.detach().to(ScalarType.Float32).cpu()
            .clamp(-1.0, 1.0).add(1.0).mul(127.5).round()
            .to(ScalarType.Byte).contiguous();
        return ((int)shape[0], (int)shape[1], (int)shape[2], (int)shape[3], bytes.data<byte>().ToArray());
    }
}
