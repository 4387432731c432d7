using GanKit.Sweeps;
using GanKit.Training;

namespace GanKit.Samples.Dcgan.Sweeps;

/// <summary>The report sections beyond the tables: the best configuration's samples and the metric-vs-parameter plots.</summary>
internal static class SweepReportExtras
{
    /// <summary>Draws the plots into the sweep folder and returns the markdown sections that show them.</summary>
    public static IReadOnlyList<string> Build(SweepReport report)
    {
        var sections = new List<string>();
        if (report.Best is { } best && BestSampleGrid(best, report.RankedBy) is string grid)
        {
            string relative = Path.GetRelativePath(report.Directory, grid).Replace('\\', '/');
            sections.Add($"## Samples of the best configuration\n\n{best.Label}, last epoch of its best seed:\n\n![samples of {best.Label}]({relative})");
        }

        if (report.Best is null)
        {
            return sections;
        }

        var plots = new List<string>();
        foreach (var parameter in SweepParameterPlot.PlottedParameters(report))
        {
            string file = SweepParameterPlot.FileName(report.RankedBy, parameter);
            SweepParameterPlot.Save(report, report.RankedBy, parameter, Path.Combine(report.Directory, file));
            plots.Add($"![{report.RankedBy.Title} by {parameter}]({file})");
        }

        if (plots.Count > 0)
        {
            sections.Add($"## {report.RankedBy.Title} by parameter\n\nDots are single seeds; bars are each configuration's mean ± standard deviation.\n\n{string.Join("\n\n", plots)}");
        }

        return sections;
    }

    /// <summary>The last sample grid the trainer wrote for the best configuration's best finished seed.</summary>
    private static string? BestSampleGrid(SweepConfigurationResult best, SweepMetric metric)
    {
        var finished = best.Runs.Where(r => r.State == SweepRunState.Finished);
        var ordered = metric.HigherIsBetter ? finished.OrderByDescending(r => r.Metrics[metric.Key]) : finished.OrderBy(r => r.Metrics[metric.Key]);
        foreach (var run in ordered)
        {
            string samples = Path.Combine(run.Directory, AdversarialTrainer.SamplesFolderName);
            if (Directory.Exists(samples))
            {
                string? last = Directory.GetFiles(samples, "epoch-*.png").OrderBy(f => f, StringComparer.Ordinal).LastOrDefault();
                if (last is not null)
                {
                    return last;
                }
            }
        }

        return null;
    }
}
