using GanKit.Samples.Dcgan.Imaging;
using GanKit.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GanKit.Samples.Tests.Imaging;

public class SideBySideFigureTests
{
    private static string Solid(TempDirectory folder, string name, byte gray, int size)
    {
        string path = folder.Combine(name);
        using var image = new Image<Rgb24>(size, size, new Rgb24(gray, gray, gray));
        image.SaveAsPng(path);
        return path;
    }

    [Fact]
    public void Places_each_image_in_its_row_and_column()
    {
        using var folder = new TempDirectory();
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { Solid(folder, "a.png", 10, 20), Solid(folder, "b.png", 60, 20), Solid(folder, "c.png", 110, 20) },
            new[] { Solid(folder, "d.png", 160, 20), Solid(folder, "e.png", 210, 20), Solid(folder, "f.png", 0, 20) },
        };
        string output = folder.Combine("figure.png");

        var (width, height) = SideBySideFigure.Compose(rows, output);

        int gap = SideBySideFigure.Gap;
        width.Should().Be(gap + (3 * (20 + gap)));
        height.Should().Be(gap + (2 * (20 + gap)));
        using var figure = Image.Load<Rgb24>(output);
        figure.Width.Should().Be(width);
        figure[0, 0].Should().Be(new Rgb24(255, 255, 255), "the border is white");
        // Centre of row 0, column 1 and of row 1, column 0.
        figure[gap + 20 + gap + 10, gap + 10].R.Should().Be(60);
        figure[gap + 10, gap + 20 + gap + 10].R.Should().Be(160);
        figure[gap + (2 * (20 + gap)) + 10, gap + 20 + gap + 10].R.Should().Be(0);
    }

    [Fact]
    public void Scales_every_cell_to_the_requested_size()
    {
        using var folder = new TempDirectory();
        var rows = new List<IReadOnlyList<string>> { new[] { Solid(folder, "a.png", 10, 20), Solid(folder, "b.png", 60, 40) } };

        var (width, height) = SideBySideFigure.Compose(rows, folder.Combine("figure.png"), cellSize: 30);

        width.Should().Be(SideBySideFigure.Gap + (2 * (30 + SideBySideFigure.Gap)));
        height.Should().Be(SideBySideFigure.Gap + 30 + SideBySideFigure.Gap);
    }

    [Fact]
    public void A_missing_epoch_image_is_named()
    {
        using var folder = new TempDirectory();
        var rows = new List<IReadOnlyList<string>> { new[] { Solid(folder, "a.png", 10, 20), folder.Combine("epoch-0049.png") } };

        var act = () => SideBySideFigure.Compose(rows, folder.Combine("figure.png"));

        act.Should().Throw<FileNotFoundException>().WithMessage("*epoch-0049.png*");
    }

    [Fact]
    public void Ragged_rows_are_rejected()
    {
        using var folder = new TempDirectory();
        string a = Solid(folder, "a.png", 10, 20);
        var rows = new List<IReadOnlyList<string>> { new[] { a, a }, new[] { a } };

        var act = () => SideBySideFigure.Compose(rows, folder.Combine("figure.png"));

        act.Should().Throw<ArgumentException>().WithMessage("Row 1 has 1 images but row 0 has 2*");
    }
}
