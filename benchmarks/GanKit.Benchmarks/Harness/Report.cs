using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using TorchSharp;

namespace GanKit.Benchmarks.Harness;

/// <summary>Collects result rows and writes them as a markdown table and a JSON file.</summary>
public sealed class Report
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly List<ResultRow> _rows = [];
    private readonly SortedDictionary<string, double> _ratios = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, double> _stockRatios = new(StringComparer.Ordinal);
    private readonly List<string> _checks = [];
    private readonly List<(string Title, string[] Header, List<string[]> Rows)> _tables = [];

    /// <summary>Gets the rows recorded so far.</summary>
    public IReadOnlyList<ResultRow> Rows => _rows;

    /// <summary>Gets the trainer/hand-written throughput ratios by case.</summary>
    public IReadOnlyDictionary<string, double> Ratios => _ratios;

    /// <summary>Gets the trainer/stock-module loop throughput ratios by case.</summary>
    public IReadOnlyDictionary<string, double> StockRatios => _stockRatios;

    /// <summary>Gets the target checks recorded so far, each a line such as <c>PASS ...</c> or <c>MISS ...</c>.</summary>
    public IReadOnlyList<string> Checks => _checks;

    /// <summary>Adds a row and echoes it to the console, so a long run shows progress.</summary>
    /// <param name="row">The row.</param>
    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  {row.Benchmark} | {row.Case} | {row.Metric}: {Format(row.Value.Median)} (min {Format(row.Value.Min)}, max {Format(row.Value.Max)}, n={row.Value.Count})");
    }

    /// <summary>Records the trainer/hand-written throughput ratio of one case.</summary>
    /// <param name="name">The case, for example <c>original/simultaneous</c>.</param>
    /// <param name="ratio">The median over interleaved rounds of trainer throughput over hand-written throughput.</param>
    public void AddRatio(string name, double ratio) => _ratios[name] = ratio;

    /// <summary>Records the trainer/stock-module loop throughput ratio of one case.</summary>
    /// <param name="name">The case, for example <c>original/simultaneous</c>.</param>
    /// <param name="ratio">The median over interleaved rounds of trainer throughput over the stock-module loop's.</param>
    public void AddStockRatio(string name, double ratio) => _stockRatios[name] = ratio;

    /// <summary>Records whether a target was met.</summary>
    /// <param name="passed">Whether it was met.</param>
    /// <param name="description">The target and the figure, for example <c>ratio 0.99 &gt;= 0.97</c>.</param>
    public void AddCheck(bool passed, string description) => _checks.Add((passed ? "PASS " : "MISS ") + description);

    /// <summary>Adds a table of its own, printed after the main one (for example the per-layer timings).</summary>
    /// <param name="title">A line above the table.</param>
    /// <param name="header">The column names.</param>
    /// <param name="rows">The cells, one array per row, as many as <paramref name="header"/>.</param>
    public void AddTable(string title, string[] header, IEnumerable<string[]> rows) => _tables.Add((title, header, rows.ToList()));

    /// <summary>Gets the smallest ratio over all cases, or null when no training case ran.</summary>
    public double? MinimumRatio => _ratios.Count == 0 ? null : _ratios.Values.Min();

    /// <summary>Gets the smallest trainer/stock-module ratio over all cases, or null when no training case ran.</summary>
    public double? MinimumStockRatio => _stockRatios.Count == 0 ? null : _stockRatios.Values.Min();

    /// <summary>Formats the results as a markdown table followed by the ratios and checks.</summary>
    /// <returns>The markdown text.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Benchmark | Case | Metric | Median | Min | Max | n | Note |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---|");
        foreach (var row in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Benchmark} | {row.Case} | {row.Metric} | {Format(row.Value.Median)} | {Format(row.Value.Min)} | {Format(row.Value.Max)} | {row.Value.Count} | {row.Note ?? string.Empty} |");
        }

        foreach (var (title, header, rows) in _tables)
        {
            text.AppendLine();
            text.AppendLine(title + ":");
            text.AppendLine();
            text.AppendLine("| " + string.Join(" | ", header) + " |");
            text.AppendLine("|" + string.Concat(header.Select((_, i) => i < 2 ? "---|" : "---:|")));
            foreach (var row in rows)
            {
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }

        if (_ratios.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| Trainer throughput over the loop's (median of the per-round wall-time ratios) | hand-written, GanKit modules | hand-written, stock modules |");
            text.AppendLine("|---|---:|---:|");
            foreach (var (name, ratio) in _ratios)
            {
                string stock = _stockRatios.TryGetValue(name, out double value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {ratio:0.000} | {stock} |");
            }
        }

        if (_checks.Count > 0)
        {
            text.AppendLine();
            foreach (string check in _checks)
            {
                text.AppendLine("- " + check);
            }
        }

        return text.ToString();
    }

    /// <summary>Writes the JSON file (machine, settings, rows, ratios, checks).</summary>
    /// <param name="path">The file; its folder is created.</param>
    /// <param name="settings">The settings the run used.</param>
    /// <param name="elapsed">The run's wall time.</param>
    public void WriteJson(string path, BenchmarkSettings settings, TimeSpan elapsed)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var document = new
        {
            createdUtc = DateTimeOffset.UtcNow,
            elapsedSeconds = Math.Round(elapsed.TotalSeconds, 1),
            machine = new
            {
                os = RuntimeInformation.OSDescription,
                architecture = RuntimeInformation.ProcessArchitecture.ToString(),
                dotnet = RuntimeInformation.FrameworkDescription,
                logicalProcessors = Environment.ProcessorCount,
                torchThreads = torch.get_num_threads(),
                torchSharp = typeof(torch).Assembly.GetName().Version?.ToString(),
                cpuModel = CpuModel(),
            },
            settings,
            rows = _rows,
            ratios = _ratios,
            minimumRatio = MinimumRatio,
            stockRatios = _stockRatios,
            minimumStockRatio = MinimumStockRatio,
            checks = _checks,
            tables = _tables.Select(t => new { title = t.Title, header = t.Header, rows = t.Rows }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    /// <summary>Formats a figure with three significant digits or more, invariant culture.</summary>
    /// <param name="value">The figure.</param>
    /// <returns>The text.</returns>
    public static string Format(double value)
    {
        double magnitude = Math.Abs(value);
        string format = magnitude >= 1000 ? "N0" : magnitude >= 100 ? "0.0" : magnitude >= 1 ? "0.00" : "0.0000";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string? CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        return File.Exists(cpuinfo)
            ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
    }
}
