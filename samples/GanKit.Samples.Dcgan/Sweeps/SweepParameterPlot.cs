using System.Globalization;
using GanKit.Sweeps;
using ScottPlot;

namespace GanKit.Samples.Dcgan.Sweeps;

/// <summary>Draws one metric against one swept parameter: every finished seed as a dot, each configuration's mean ± std as a bar.</summary>
internal static class SweepParameterPlot
{
    /// <summary>Image width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Image height in pixels.</summary>
    public const int Height = 500;

    /// <summary>The parameters worth a plot: every varied one that takes more than one value.</summary>
    public static IReadOnlyList<string> PlottedParameters(SweepReport report) =>
        report.VariedParameters.Where(name => report.Runs.Select(r => r.Run[name]).Distinct().Count() > 1).ToArray();

    /// <summary>The file name of the plot of <paramref name="parameter"/>.</summary>
    public static string FileName(SweepMetric metric, string parameter) => $"{metric.Key}-vs-{parameter}.png";

    /// <summary>Renders the plot.</summary>
    /// <exception cref="ArgumentException">No run has finished, so there is nothing to draw.</exception>
    public static void Save(SweepReport report, SweepMetric metric, string parameter, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var finished = report.Runs.Where(r => r.State == SweepRunState.Finished).ToArray();
        if (finished.Length == 0)
        {
            throw new ArgumentException($"No run of {report.Directory} has finished; there is nothing to plot.", nameof(report));
        }

        SweepValue ValueOf(SweepRun run) => run[parameter];

        // Numbers go on a numeric axis (a learning rate of 2e-4 sits twice as far as 1e-4);
        // names and booleans get one slot each, in plan order.
        bool numeric = report.Runs.All(r => ValueOf(r.Run).Kind is SweepValueKind.Integer or SweepValueKind.Number);
        var categories = report.Runs.Select(r => ValueOf(r.Run).ToString()).Distinct().ToList();
        double X(SweepRun run) => numeric ? ValueOf(run).AsDouble() : categories.IndexOf(ValueOf(run).ToString());

        var plot = new Plot();
        var dots = plot.Add.ScatterPoints(
            finished.Select(r => X(r.Run)).ToArray(),
            finished.Select(r => r.Metrics[metric.Key]).ToArray(),
            Colors.C0.WithAlpha(0.5));
        dots.MarkerSize = 6;
        dots.LegendText = "one seed";

        var configurations = report.Configurations.Where(c => c.Statistics.ContainsKey(metric.Key)).ToArray();
        var xs = configurations.Select(c => X(c.Representative)).ToArray();
        var means = configurations.Select(c => c.Statistics[metric.Key].Mean).ToArray();
        var stds = configurations.Select(c => c.Statistics[metric.Key].StandardDeviation ?? 0).ToArray();
        var bars = plot.Add.ErrorBar(xs, means, stds);
        bars.Color = Colors.C1;
        var meanMarks = plot.Add.ScatterPoints(xs, means, Colors.C1);
        meanMarks.MarkerSize = 9;
        meanMarks.LegendText = "configuration mean ± std";

        if (!numeric)
        {
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.ToArray());
            plot.Axes.SetLimitsX(-0.5, categories.Count - 0.5);
        }

        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{report.Name}: {metric.TitleWithDirection} by {parameter}"));
        plot.XLabel(parameter);
        plot.YLabel(metric.Title);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }
}
