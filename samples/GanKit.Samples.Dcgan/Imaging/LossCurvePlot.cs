using ScottPlot;

namespace GanKit.Samples.Dcgan.Imaging;

/// <summary>One point of a loss history: position on the x axis and the two losses there.</summary>
internal readonly record struct LossPoint(double X, double DiscriminatorLoss, double GeneratorLoss);

/// <summary>Draws the discriminator and generator losses of a run as a PNG.</summary>
internal static class LossCurvePlot
{
    /// <summary>Default image width in pixels.</summary>
    public const int DefaultWidth = 900;

    /// <summary>Default image height in pixels.</summary>
    public const int DefaultHeight = 500;

    /// <summary>Up to this many points each one gets a marker, so a short run (even one point) shows.</summary>
    public const int MarkerThreshold = 50;

    /// <summary>Above this many points the raw curves are drawn faintly under a moving average, which is what a reader looks at.</summary>
    public const int SmoothingThreshold = 200;

    /// <summary>Renders <paramref name="points"/> to <paramref name="path"/>.</summary>
    /// <param name="points">The history, in x order.</param>
    /// <param name="xLabel">What the x axis counts (<c>step</c> or <c>epoch</c>).</param>
    /// <param name="title">Plot title.</param>
    /// <param name="path">PNG file to write; its folder must exist.</param>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty.</exception>
    public static void Save(IReadOnlyList<LossPoint> points, string xLabel, string title, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException($"A loss curve needs at least one point; the history for {path} is empty.", nameof(points));
        }

        double[] xs = points.Select(p => p.X).ToArray();
        double[] d = points.Select(p => p.DiscriminatorLoss).ToArray();
        double[] g = points.Select(p => p.GeneratorLoss).ToArray();

        var plot = new Plot();
        var dColor = Colors.C0;
        var gColor = Colors.C1;
        if (points.Count > SmoothingThreshold)
        {
            int window = Math.Max(points.Count / 100, 5);
            AddLine(plot, xs, d, dColor.WithAlpha(0.25), 1, legend: null);
            AddLine(plot, xs, g, gColor.WithAlpha(0.25), 1, legend: null);
            AddLine(plot, xs, MovingAverage(d, window), dColor, 2, $"Discriminator (moving average of {window})");
            AddLine(plot, xs, MovingAverage(g, window), gColor, 2, $"Generator (moving average of {window})");
        }
        else
        {
            AddLine(plot, xs, d, dColor, 2, "Discriminator", markers: points.Count <= MarkerThreshold);
            AddLine(plot, xs, g, gColor, 2, "Generator", markers: points.Count <= MarkerThreshold);
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }

    /// <summary>Trailing moving average; the first points average over what exists so far.</summary>
    internal static double[] MovingAverage(IReadOnlyList<double> values, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var result = new double[values.Count];
        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            sum += values[i];
            if (i >= window)
            {
                sum -= values[i - window];
            }

            result[i] = sum / Math.Min(i + 1, window);
        }

        return result;
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, Color color, float width, string? legend, bool markers = false)
    {
        var line = markers ? plot.Add.Scatter(xs, ys, color) : plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = width;
        if (legend is not null)
        {
            line.LegendText = legend;
        }
    }
}
