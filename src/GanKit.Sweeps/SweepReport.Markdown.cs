using System.Globalization;
using System.Text;

namespace GanKit.Sweeps;

public sealed partial class SweepReport
{
    /// <summary>
    /// Writes the report as markdown: the ranked table (mean ± std per metric), then the failed and
    /// the unfinished runs by name, then any sections the caller adds (plots, sample grids).
    /// </summary>
    /// <param name="extraSections">Markdown blocks appended after the tables, or null.</param>
    /// <returns>The markdown text.</returns>
    public string ToMarkdown(IEnumerable<string>? extraSections = null)
    {
        var text = new StringBuilder();
        text.Append("# Sweep report: ").Append(Name).Append("\n\n");
        int finished = Runs.Count(r => r.State == SweepRunState.Finished);
        text.Append(Invariant($"{finished} of {Runs.Count} runs finished, {FailedRuns.Count} failed, {MissingRuns.Count} not finished; "))
            .Append(Invariant($"{Configurations.Count} {(Configurations.Count == 1 ? "configuration" : "configurations")} ranked by mean {RankedBy.TitleWithDirection}. "))
            .Append("Cells are mean ± sample standard deviation over the finished seeds.\n\n");

        text.Append("| Rank | Configuration | Seeds |");
        foreach (var metric in Metrics)
        {
            text.Append(' ').Append(metric.TitleWithDirection).Append(" |");
        }

        text.Append("\n|---:|---|---:|");
        foreach (var _ in Metrics)
        {
            text.Append("---:|");
        }

        text.Append('\n');
        foreach (var configuration in Configurations)
        {
            text.Append("| ").Append(configuration.Rank?.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append(" | ").Append(Escape(configuration.Label)).Append(" `").Append(configuration.ConfigurationId).Append('`')
                .Append(Invariant($" | {configuration.FinishedRuns}/{configuration.Runs.Count} |"));
            foreach (var metric in Metrics)
            {
                text.Append(' ').Append(configuration.Statistics.TryGetValue(metric.Key, out var stats) ? FormatStatistics(stats) : "–").Append(" |");
            }

            text.Append('\n');
        }

        if (Best is { } best)
        {
            text.Append("\nBest configuration: **").Append(Escape(best.Label)).Append("** (`").Append(best.ConfigurationId).Append("`).\n");
        }

        text.Append("\n## Failed runs\n\n");
        if (FailedRuns.Count == 0)
        {
            text.Append("None.\n");
        }
        else
        {
            text.Append("| Run | Configuration | Seed | Reason |\n|---|---|---:|---|\n");
            foreach (var run in FailedRuns)
            {
                text.Append("| ").Append(run.Run.Id).Append(" | ").Append(Escape(run.Run.ConfigurationLabel))
                    .Append(" | ").Append(run.Run.Seed.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(Escape(run.Detail ?? string.Empty)).Append(" |\n");
            }
        }

        text.Append("\n## Runs not finished\n\n");
        if (MissingRuns.Count == 0)
        {
            text.Append("None.\n");
        }
        else
        {
            text.Append("| Run | Configuration | Seed | State |\n|---|---|---:|---|\n");
            foreach (var run in MissingRuns)
            {
                string state = run.State switch
                {
                    SweepRunState.NotStarted => "not started",
                    SweepRunState.Running => "running",
                    _ => "interrupted",
                };
                if (run.Detail is not null)
                {
                    state += $" ({run.Detail})";
                }

                text.Append("| ").Append(run.Run.Id).Append(" | ").Append(Escape(run.Run.ConfigurationLabel))
                    .Append(" | ").Append(run.Run.Seed.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(Escape(state)).Append(" |\n");
            }
        }

        foreach (var section in extraSections ?? [])
        {
            text.Append('\n').Append(section.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Formats a mean and its spread with four significant digits, the precision seed noise allows,
    /// in fixed notation (never an exponent) and without trailing zeros.
    /// </summary>
    /// <param name="statistics">The statistics.</param>
    /// <returns>
    /// Text such as <c>41.27 ± 3.112</c> or <c>0.001234 ± 0.00000454</c>, or just the mean for one run.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> is null.</exception>
    public static string FormatStatistics(SweepMetricStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        string mean = FixedSignificant(statistics.Mean);
        return statistics.StandardDeviation is double std
            ? $"{mean} ± {FixedSignificant(std)}"
            : mean;
    }

    // Four significant digits in fixed notation. Values below 1e-12 print as 0: a metric's spread
    // that small is rounding noise, and more decimals would only widen the table.
    private static string FixedSignificant(double value)
    {
        const int Significant = 4;
        const int MaxDecimals = 15;
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        int decimals = value == 0 ? 0 : Math.Clamp(Significant - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, MaxDecimals);
        string text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text == "-0" ? "0" : text;
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
