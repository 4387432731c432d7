using System.Globalization;
using System.Text;

namespace GanKit.Samples.Dcgan.Reporting;

/// <summary>The training settings every run of a comparison shared.</summary>
internal sealed record CompareSettings(int Epochs, int BatchSize, double LearningRate, IReadOnlyList<int> Seeds, int? MaxBatchesPerEpoch);

/// <summary>One seed's run of one architecture.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="RunDirectory">The run's folder, relative to the report (used for links).</param>
/// <param name="Summary">The run's final evaluation.</param>
internal sealed record SeedRun(int Seed, string RunDirectory, EvaluationSummary Summary);

/// <summary>Everything the report shows about one architecture.</summary>
/// <param name="Name">Lower-case name as used in prose (<c>original</c>, <c>conditional modified</c>).</param>
/// <param name="GeneratorSummary">The generator's layer table.</param>
/// <param name="DiscriminatorSummary">The discriminator's layer table.</param>
/// <param name="Runs">One entry per seed.</param>
/// <param name="Conditional">For a conditional architecture, each digit's class accuracy and FID on the images asked for it, and the intra-class FID, over the seeds; null otherwise.</param>
internal sealed record ArchitectureResults(string Name, string GeneratorSummary, string DiscriminatorSummary, IReadOnlyList<SeedRun> Runs, GanKit.Mnist.Evaluation.MnistConditionalSummary? Conditional = null);

/// <summary>The side-by-side figure: its path relative to the report and the epochs of its columns.</summary>
internal sealed record FigureReference(string RelativePath, IReadOnlyList<int> Epochs, int Seed);

/// <summary>Assembles <c>report.md</c> of a comparison from plain data (no files are read).</summary>
internal static class CompareReport
{
    // Up to twelve decimals and never an exponent: 1e-5 reads 0.00001, not 1E-05.
    private const string FixedNotation = "0.############";

    /// <summary>Builds the Markdown report.</summary>
    /// <exception cref="ArgumentException">Either architecture has no runs.</exception>
    public static string Build(CompareSettings settings, ArchitectureResults first, ArchitectureResults second, FigureReference? figure)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);

        var comparisons = MetricComparison.CompareAll(
            first.Runs.Select(r => r.Summary).ToList(),
            second.Runs.Select(r => r.Summary).ToList());

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {Title(first.Name)} vs {second.Name} DCGAN on MNIST");
        md.AppendLine();
        md.AppendLine(Settings(settings));
        md.AppendLine();

        md.AppendLine("## Verdict");
        md.AppendLine();
        md.AppendLine(Verdict.Write(first.Name, second.Name, comparisons));
        md.AppendLine();

        if (figure is not null)
        {
            md.AppendLine("## Samples");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"![{first.Name} over {second.Name}]({figure.RelativePath})");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Top row: {first.Name}; bottom row: {second.Name}. Columns, left to right: epochs {JoinNumbers(figure.Epochs)} (seed {figure.Seed}, the same fixed noise in every picture).");
            md.AppendLine();
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"## Metrics (mean ± standard deviation over {Seeds(settings.Seeds.Count)})");
        md.AppendLine();
        md.AppendLine("Lower is better for FID and KID; higher is better for the others.");
        md.AppendLine();
        md.Append("| Architecture |");
        foreach (var m in Metric.All)
        {
            md.Append(CultureInfo.InvariantCulture, $" {m.Name} {(m.LowerIsBetter ? "↓" : "↑")} |");
        }

        md.AppendLine();
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", Metric.All.Count)));
        foreach (var (arch, pick) in new[] { (first, (Func<MetricComparison, SampleStatistics>)(c => c.First)), (second, c => c.Second) })
        {
            md.Append(CultureInfo.InvariantCulture, $"| {arch.Name} |");
            foreach (var c in comparisons)
            {
                var stats = pick(c);
                bool best = c.Winner == (ReferenceEquals(arch, first) ? Winner.First : Winner.Second);
                string cell = stats.ToString(c.Metric.Format);
                md.Append(CultureInfo.InvariantCulture, $" {(best ? $"**{cell}**" : cell)} |");
            }

            md.AppendLine();
        }

        md.AppendLine();
        md.AppendLine("Per seed:");
        md.AppendLine();
        md.AppendLine("| Architecture | Seed |" + string.Concat(Metric.All.Select(m => $" {m.Name} |")));
        md.AppendLine("|---|---:|" + string.Concat(Enumerable.Repeat("---:|", Metric.All.Count)));
        foreach (var arch in new[] { first, second })
        {
            foreach (var run in arch.Runs)
            {
                string cells = string.Concat(Metric.All.Select(m => $" {m.Read(run.Summary).ToString(m.Format, CultureInfo.InvariantCulture)} |"));
                md.AppendLine(CultureInfo.InvariantCulture, $"| [{arch.Name}]({run.RunDirectory}) | {run.Seed} |{cells}");
            }
        }

        md.AppendLine();
        if (first.Conditional is not null || second.Conditional is not null)
        {
            md.Append(ConditionalSection(first, second));
        }

        md.AppendLine("## Per-digit metrics");
        md.AppendLine();
        md.AppendLine("Generated images are grouped by the digit the MNIST classifier assigns them.");
        md.AppendLine();
        foreach (var arch in new[] { first, second })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {Title(arch.Name)}");
            md.AppendLine();
            md.Append(PerDigitTable(arch.Runs.Select(r => r.Summary).ToList()));
            md.AppendLine();
        }

        md.AppendLine("## Loss curves");
        md.AppendLine();
        foreach (var arch in new[] { first, second })
        {
            string links = string.Join(", ", arch.Runs.Select(r => $"[seed {r.Seed}]({r.RunDirectory}/loss-curve.png)"));
            md.AppendLine(CultureInfo.InvariantCulture, $"- {arch.Name}: {links}");
        }

        md.AppendLine();
        md.AppendLine("## Model summaries");
        md.AppendLine();
        foreach (var arch in new[] { first, second })
        {
            foreach (var (part, text) in new[] { ("generator", arch.GeneratorSummary), ("discriminator", arch.DiscriminatorSummary) })
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"### {Title(arch.Name)} {part}");
                md.AppendLine();
                md.AppendLine("```text");
                md.AppendLine(text.TrimEnd());
                md.AppendLine("```");
                md.AppendLine();
            }
        }

        return md.ToString();
    }

    /// <summary>The conditional architectures' per-digit tables: each digit judged on the images the generator was asked to draw as it.</summary>
    internal static string ConditionalSection(ArchitectureResults first, ArchitectureResults second)
    {
        var md = new StringBuilder();
        md.AppendLine("## Per-digit metrics of the digits asked for");
        md.AppendLine();
        md.AppendLine("Each generator was asked for every digit in turn. Class accuracy is the share of the images asked for a digit that the MNIST classifier reads as that digit (higher is better); the FID compares them with the test images of that digit (lower is better); the intra-class FID is the mean of the ten.");
        md.AppendLine();
        foreach (var arch in new[] { first, second })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {Title(arch.Name)}");
            md.AppendLine();
            md.AppendLine(arch.Conditional?.ToMarkdown().TrimEnd() ?? "Not conditional: its generator cannot be asked for a digit.");
            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>Builds the per-digit table: one row per digit, each value as mean ± std over the runs.</summary>
    internal static string PerDigitTable(IReadOnlyList<EvaluationSummary> runs)
    {
        var columns = runs.SelectMany(r => r.PerDigit).SelectMany(d => d.Values).Select(v => v.Key).Distinct().ToList();
        var digits = runs.SelectMany(r => r.PerDigit).Select(d => d.Digit).Distinct().Order().ToList();
        var md = new StringBuilder();
        if (digits.Count == 0)
        {
            md.AppendLine("No per-digit results were recorded.");
            return md.ToString();
        }

        md.AppendLine("| Digit |" + string.Concat(columns.Select(c => $" {Header(c)} |")));
        md.AppendLine("|---:|" + string.Concat(Enumerable.Repeat("---:|", columns.Count)));
        foreach (int digit in digits)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {digit} |");
            foreach (string column in columns)
            {
                var values = runs
                    .SelectMany(r => r.PerDigit.Where(d => d.Digit == digit))
                    .SelectMany(d => d.Values.Where(v => v.Key == column))
                    .Select(v => v.Value)
                    .ToList();
                string cell = values.Count == 0 ? "–" : Format(column, SampleStatistics.Of(values));
                md.Append(CultureInfo.InvariantCulture, $" {cell} |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static string Format(string column, SampleStatistics stats)
    {
        // Counts are whole images; their mean over seeds is shown rounded to one as well.
        if (column == "count")
        {
            return stats.ToString("F0");
        }

        double magnitude = Math.Abs(stats.Mean);
        string format = magnitude >= 10 ? "F2" : magnitude >= 0.01 || magnitude == 0 ? "F3" : "F5";
        return stats.ToString(format);
    }

    private static string Header(string key) => key switch
    {
        "fid" => "FID",
        "kid" => "KID",
        _ => Title(key.Replace('_', ' ')),
    };

    private static string Settings(CompareSettings s)
    {
        string batches = s.MaxBatchesPerEpoch is int max ? $", at most {max} batches per epoch" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"Each architecture was trained for {s.Epochs} epoch{(s.Epochs == 1 ? "" : "s")} (batch size {s.BatchSize}, learning rate {s.LearningRate.ToString(FixedNotation, CultureInfo.InvariantCulture)}{batches}) with {Seeds(s.Seeds.Count)}: {JoinNumbers(s.Seeds)}.");
    }

    private static string Seeds(int count) => count == 1 ? "1 seed" : $"{count} seeds";

    private static string JoinNumbers(IEnumerable<int> numbers) => string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    private static string Title(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
