using System.Text.Json;

namespace GanKit.Sweeps;

/// <summary>Reads the metric values out of a run's <c>summary.json</c>.</summary>
/// <remarks>
/// A summary counts as valid only when it parses and holds every requested metric as a finite
/// number: a file cut short by a crash, or one holding NaN from a diverged run, must not mark the
/// run finished.
/// </remarks>
internal static class SweepSummary
{
    /// <summary>The file a finished run leaves in its folder.</summary>
    public const string FileName = "summary.json";

    /// <summary>Tries to read the metrics of a summary file.</summary>
    /// <param name="path">The <c>summary.json</c> path.</param>
    /// <param name="metrics">The metrics that must be present.</param>
    /// <param name="values">The metric values by key, when valid.</param>
    /// <param name="problem">Why the file is not valid (missing, not JSON, a metric absent or not finite), when it is not.</param>
    /// <returns>True when the file is valid.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool TryRead(
        string path,
        IReadOnlyList<SweepMetric> metrics,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyDictionary<string, double>? values,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(metrics);
        values = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"{path} does not exist";
            return false;
        }
        catch (IOException ex)
        {
            problem = $"{path} could not be read: {ex.Message}";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"{path} does not hold a JSON object";
                return false;
            }

            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var metric in metrics)
            {
                if (!document.RootElement.TryGetProperty(metric.Key, out var element)
                    || element.ValueKind != JsonValueKind.Number
                    || !element.TryGetDouble(out double value)
                    || !double.IsFinite(value))
                {
                    problem = $"{path} has no finite number under \"{metric.Key}\"";
                    return false;
                }

                result[metric.Key] = value;
            }

            values = result;
            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"{path} is not valid JSON: {ex.Message}";
            return false;
        }
    }
}
