using System.Text;
using System.Text.Json;
using GanKit.Internal;

namespace GanKit.Sweeps;

public sealed partial class SweepReport
{
    /// <summary>The markdown report's file name inside the sweep folder.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>The JSON report's file name inside the sweep folder.</summary>
    public const string JsonFileName = "report.json";

    /// <summary>
    /// Writes the report as JSON: the ranked configurations with their parameters, per-metric
    /// statistics and runs, then every run with its state.
    /// </summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", Name);
            writer.WriteString("rankedBy", RankedBy.Key);
            writer.WriteBoolean("higherIsBetter", RankedBy.HigherIsBetter);
            writer.WriteNumber("runs", Runs.Count);
            writer.WriteNumber("finished", Runs.Count(r => r.State == SweepRunState.Finished));
            writer.WriteStartArray("configurations");
            foreach (var configuration in Configurations)
            {
                writer.WriteStartObject();
                if (configuration.Rank is int rank)
                {
                    writer.WriteNumber("rank", rank);
                }
                else
                {
                    writer.WriteNull("rank");
                }

                writer.WriteString("configurationId", configuration.ConfigurationId);
                writer.WriteString("label", configuration.Label);
                writer.WriteStartObject("parameters");
                foreach (var (name, value) in configuration.Representative.Parameters)
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
                writer.WriteNumber("seedsPlanned", configuration.Runs.Count);
                writer.WriteNumber("seedsFinished", configuration.FinishedRuns);
                writer.WriteStartObject("metrics");
                foreach (var metric in Metrics)
                {
                    if (!configuration.Statistics.TryGetValue(metric.Key, out var stats))
                    {
                        continue;
                    }

                    writer.WriteStartObject(metric.Key);
                    writer.WriteNumber("count", stats.Count);
                    writer.WriteNumber("mean", stats.Mean);
                    if (stats.StandardDeviation is double std)
                    {
                        writer.WriteNumber("std", std);
                    }
                    else
                    {
                        writer.WriteNull("std");
                    }

                    writer.WriteNumber("min", stats.Minimum);
                    writer.WriteNumber("max", stats.Maximum);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteStartArray("runs");
                foreach (var run in configuration.Runs)
                {
                    writer.WriteStringValue(run.Run.Id);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("allRuns");
            foreach (var run in Runs)
            {
                writer.WriteStartObject();
                writer.WriteString("id", run.Run.Id);
                writer.WriteString("configurationId", run.Run.ConfigurationId);
                writer.WriteNumber("seed", run.Run.Seed);
                writer.WriteString("state", JsonNamingPolicy.CamelCase.ConvertName(run.State.ToString()));
                if (run.Detail is not null)
                {
                    writer.WriteString("detail", run.Detail);
                }

                if (run.Metrics.Count > 0)
                {
                    writer.WriteStartObject("metrics");
                    foreach (var metric in Metrics)
                    {
                        writer.WriteNumber(metric.Key, run.Metrics[metric.Key]);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <c>report.md</c> and <c>report.json</c> into the sweep folder.</summary>
    /// <param name="extraSections">Markdown blocks appended to the markdown report, or null.</param>
    /// <returns>The paths of the markdown and the JSON file.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    public (string Markdown, string Json) WriteFiles(IEnumerable<string>? extraSections = null)
    {
        string markdown = Path.Combine(Directory, MarkdownFileName);
        string json = Path.Combine(Directory, JsonFileName);
        AtomicFile.WriteAllText(markdown, ToMarkdown(extraSections));
        AtomicFile.WriteAllText(json, ToJson());
        return (markdown, json);
    }
}
