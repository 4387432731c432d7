using GanKit.Samples.Dcgan.Imaging;
using GanKit.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GanKit.Samples.Tests.Imaging;

public class LossCurvePlotTests
{
    [Fact]
    public void Writes_a_png_of_the_requested_size_with_both_curves_drawn()
    {
        using var folder = new TempDirectory();
        var points = Enumerable.Range(0, 300).Select(i => new LossPoint(i, 1.4 - (i / 600.0), 0.7 + (i / 300.0))).ToList();
        string path = folder.Combine("loss-curve.png");

        LossCurvePlot.Save(points, "step", "Losses", path, width: 400, height: 250);

        using var image = Image.Load<Rgba32>(path);
        image.Width.Should().Be(400);
        image.Height.Should().Be(250);
        // ScottPlot's first two palette colours are blue-ish and orange-ish; both curves leave pixels.
        int blue = 0, orange = 0;
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                foreach (var p in rows.GetRowSpan(y))
                {
                    if (p.B > 150 && p.R < 100)
                    {
                        blue++;
                    }

                    if (p.R > 200 && p.G > 80 && p.G < 180 && p.B < 80)
                    {
                        orange++;
                    }
                }
            }
        });
        blue.Should().BeGreaterThan(100);
        orange.Should().BeGreaterThan(100);
    }

    [Fact]
    public void A_single_point_is_still_drawn()
    {
        using var folder = new TempDirectory();
        string path = folder.Combine("one.png");

        LossCurvePlot.Save([new LossPoint(1, 1.3, 0.6)], "epoch", "One epoch", path);

        using var image = Image.Load<Rgba32>(path);
        int coloured = 0;
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                // The middle columns: the lone x sits in the centre, the legend is at the right.
                var row = rows.GetRowSpan(y);
                for (int x = rows.Width * 3 / 10; x < rows.Width * 7 / 10; x++)
                {
                    if (Math.Abs(row[x].R - row[x].B) > 100)
                    {
                        coloured++;
                    }
                }
            }
        });
        coloured.Should().BeGreaterThan(20, "each of the two points is drawn as a marker");
    }

    [Fact]
    public void An_empty_history_is_rejected_with_the_target_path()
    {
        var act = () => LossCurvePlot.Save([], "step", "Losses", "/tmp/x/loss-curve.png");

        act.Should().Throw<ArgumentException>().WithMessage("*/tmp/x/loss-curve.png*");
    }

    [Fact]
    public void Moving_average_is_trailing_and_uses_what_exists_at_the_start() =>
        LossCurvePlot.MovingAverage([2, 4, 6, 8], window: 2).Should().Equal(2, 3, 5, 7);
}
