using System.Text.Json.Nodes;
using GanKit.Mnist;
using GanKit.Mnist.Evaluation;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Reporting;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>Evaluates generated digits against the MNIST test split and writes <c>summary.json</c>.</summary>
internal static class Evaluation
{
    /// <summary>The Markdown version of the evaluation, written next to <c>summary.json</c>.</summary>
    public const string MarkdownFileName = "evaluation.md";

    /// <summary>Evaluates <paramref name="count"/> images drawn by <paramref name="generate"/> with noise seeded by <paramref name="seed"/>.</summary>
    /// <param name="note">Shows what loading MNIST does (which source a download tries), or null for silence.</param>
    public static MnistEvaluationReport Run(Func<int, Tensor> generate, int count, int seed, string? dataDirectory, Action<string>? note = null)
    {
        using var test = LoadMnist(MnistSplit.Test, dataDirectory, note);
        using var evaluator = new MnistEvaluator(test);
        // Seeded so evaluating the same checkpoint twice gives the same numbers.
        torch.manual_seed(seed);
        using var images = TrainedGenerator.Sample(generate, count);
        return evaluator.Evaluate(images);
    }

    /// <summary>Loads a split from <paramref name="dataDirectory"/>, telling <paramref name="note"/> what loading does.</summary>
    public static MnistDataset LoadMnist(MnistSplit split, string? dataDirectory, Action<string>? note) =>
        MnistDataset.Load(
            split,
            new MnistLoadOptions { Directory = dataDirectory },
            logger: note is null ? null : new WarningLogger<MnistDataset>(note, Microsoft.Extensions.Logging.LogLevel.Information));

    /// <summary>Converts the evaluator's report to the sample's summary (headline metrics and per-digit rows).</summary>
    public static EvaluationSummary ToSummary(MnistEvaluationReport report) => new(
        report.Fid,
        report.Kid,
        report.ClassifierScore,
        report.Precision,
        report.Recall,
        report.Digits.Select(d =>
        {
            var values = new List<KeyValuePair<string, double>> { new("count", d.Count), new("share", d.Share) };
            if (d.MeanConfidence is double confidence)
            {
                values.Add(new("mean_confidence", confidence));
            }

            if (d.Fid is double fid)
            {
                values.Add(new("fid", fid));
            }

            return new DigitRow(d.Digit, values);
        }).ToList());

    /// <summary>Writes <c>summary.json</c> and <c>evaluation.md</c> into <paramref name="runFolder"/>.</summary>
    public static EvaluationSummary Write(string runFolder, MnistEvaluationReport report, RunInfo info, int completedEpochs)
    {
        var summary = ToSummary(report);
        var extra = new Dictionary<string, JsonNode?>
        {
            ["arch"] = info.Arch,
            ["seed"] = info.Seed,
            ["epochs"] = completedEpochs,
            ["generated_count"] = report.GeneratedCount,
            ["reference_count"] = report.ReferenceCount,
            ["kid_std"] = report.KidStd,
            ["classifier_score_std"] = report.ClassifierScoreStd,
            ["extractor"] = report.ExtractorName,
        };
        File.WriteAllText(Path.Combine(runFolder, EvaluationSummary.FileName), summary.ToJson(extra));
        File.WriteAllText(Path.Combine(runFolder, MarkdownFileName), report.ToMarkdown());
        return summary;
    }
}
