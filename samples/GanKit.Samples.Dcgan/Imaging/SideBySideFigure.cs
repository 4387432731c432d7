using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GanKit.Samples.Dcgan.Imaging;

/// <summary>
/// Composes the comparison figure: one row per architecture, one column per chosen epoch, each cell
/// that epoch's sample grid, like the reproduced report's figure (original row over modified row).
/// </summary>
internal static class SideBySideFigure
{
    /// <summary>Pixels between cells and around the border.</summary>
    public const int Gap = 8;

    /// <summary>Composes <paramref name="rows"/> of image files into one PNG at <paramref name="outputPath"/>.</summary>
    /// <param name="rows">Image paths, row by row; every row must have the same number of cells.</param>
    /// <param name="outputPath">PNG to write.</param>
    /// <param name="cellSize">Side of a cell in pixels; null keeps the size of the first image.</param>
    /// <returns>The width and height of the written image.</returns>
    /// <exception cref="ArgumentException">There are no rows, an empty row, or rows of different lengths.</exception>
    /// <exception cref="FileNotFoundException">A cell's image file does not exist; the message names it.</exception>
    public static (int Width, int Height) Compose(IReadOnlyList<IReadOnlyList<string>> rows, string outputPath, int? cellSize = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows[0].Count == 0)
        {
            throw new ArgumentException("The figure needs at least one row with at least one image.", nameof(rows));
        }

        int columns = rows[0].Count;
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Count} images but row 0 has {columns}; the figure needs a full grid.", nameof(rows));
            }
        }

        foreach (string path in rows.SelectMany(r => r))
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The figure needs {path}, which does not exist.", path);
            }
        }

        Size cell;
        if (cellSize is int side)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side, nameof(cellSize));
            cell = new Size(side, side);
        }
        else
        {
            var info = Image.Identify(rows[0][0]) ?? throw new InvalidDataException($"{rows[0][0]} is not an image ImageSharp can read.");
            cell = new Size(info.Width, info.Height);
        }

        int width = Gap + (columns * (cell.Width + Gap));
        int height = Gap + (rows.Count * (cell.Height + Gap));
        using var canvas = new Image<Rgb24>(width, height, new Rgb24(255, 255, 255));
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                using var tile = Image.Load<Rgb24>(rows[r][c]);
                if (tile.Width != cell.Width || tile.Height != cell.Height)
                {
                    // Nearest neighbour keeps the generated digits' pixels crisp instead of blurring them.
                    tile.Mutate(x => x.Resize(cell.Width, cell.Height, KnownResamplers.NearestNeighbor));
                }

                var at = new Point(Gap + (c * (cell.Width + Gap)), Gap + (r * (cell.Height + Gap)));
                canvas.Mutate(x => x.DrawImage(tile, at, 1f));
            }
        }

        canvas.SaveAsPng(outputPath);
        return (width, height);
    }
}
