using System.Text.Json;
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

    /// <summary>A conditional run's whole per-digit report (<see cref="MnistConditionalReport.ToJson"/>), which <c>compare --conditional</c> combines over seeds.</summary>
    public const string ConditionalFileName = "conditional.json";

    // The layout MnistConditionalReport.ToJson writes.
    private static readonly JsonSerializerOptions ConditionalJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

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

    /// <summary>
    /// The one place a class-conditional generator is evaluated: asks it for every digit in turn
    /// (<paramref name="count"/> images in all, rounded up to a whole number per digit and at least 2
    /// each) and judges each digit on the images asked for it, with the ordinary metrics of all of
    /// them alongside.
    /// </summary>
    /// <param name="generate">Draws images for noise <c>[B, latentDim]</c> and digits <c>[B]</c>, both on the CPU (see <see cref="MnistEvaluator.EvaluateConditional(Func{Tensor, Tensor, Tensor}, long, int)"/>).</param>
    /// <param name="latentDim">The generator's latent dimension.</param>
    /// <param name="count">Images to draw in all.</param>
    /// <param name="seed">Seeds the latent vectors (and KID's subsets), so evaluating the same checkpoint twice gives the same numbers.</param>
    /// <param name="dataDirectory">Where MNIST is cached (null: the loader's default).</param>
    /// <param name="note">Shows what loading MNIST does, or null for silence.</param>
    public static MnistConditionalReport RunConditional(Func<Tensor, Tensor, Tensor> generate, long latentDim, int count, int seed, string? dataDirectory, Action<string>? note = null)
    {
        using var test = LoadMnist(MnistSplit.Test, dataDirectory, note);
        using var evaluator = new MnistEvaluator(test, new MnistEvaluatorOptions { Seed = seed });
        return evaluator.EvaluateConditional(generate, latentDim, SamplesPerDigit(count));
    }

    /// <summary>Images a conditional evaluation of <paramref name="count"/> images asks for per digit: the count spread over the ten digits, rounded up, and at least the 2 a per-digit FID needs.</summary>
    public static int SamplesPerDigit(int count) => Math.Max(2, (count + Cli.SampleOptions.DigitCount - 1) / Cli.SampleOptions.DigitCount);

    /// <summary>Loads a split from <paramref name="dataDirectory"/>, telling <paramref name="note"/> what loading does.</summary>
    public static MnistDataset LoadMnist(MnistSplit split, string? dataDirectory, Action<string>? note) =>
        MnistDataset.Load(
            split,
            new MnistLoadOptions { Directory = dataDirectory },
            logger: note is null ? null : new WarningLogger<MnistDataset>(note, Microsoft.Extensions.Logging.LogLevel.Information));

    /// <summary>Converts the evaluator's report to the sample's summary (headline metrics and per-digit rows).</summary>
    public static EvaluationSummary ToSummary(MnistEvaluationReport report, MnistConditionalReport? conditional = null) => new(
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
        }).ToList(),
        conditional?.IntraClassFid,
        conditional?.ClassAccuracy);

    /// <summary>Writes <c>summary.json</c> and <c>evaluation.md</c> into <paramref name="runFolder"/>.</summary>
    public static EvaluationSummary Write(string runFolder, MnistEvaluationReport report, RunInfo info, int completedEpochs) =>
        Write(runFolder, report, null, info, completedEpochs);

    /// <summary>
    /// Writes a conditional run's evaluation: <c>summary.json</c> (the ordinary metrics of all the
    /// images, with the intra-class FID and class accuracy), <c>evaluation.md</c> (the per-digit
    /// table first) and <c>conditional.json</c> (the whole report).
    /// </summary>
    public static EvaluationSummary Write(string runFolder, MnistConditionalReport report, RunInfo info, int completedEpochs)
    {
        File.WriteAllText(Path.Combine(runFolder, ConditionalFileName), report.ToJson());
        return Write(runFolder, report.Overall, report, info, completedEpochs);
    }

    /// <summary>Reads the <c>conditional.json</c> a conditional run's evaluation wrote into <paramref name="runFolder"/>.</summary>
    /// <exception cref="FileNotFoundException">The run has no such file (an unconditional run, or one not evaluated yet).</exception>
    /// <exception cref="InvalidDataException">The file does not hold a conditional report.</exception>
    public static MnistConditionalReport LoadConditional(string runFolder)
    {
        string path = Path.Combine(runFolder, ConditionalFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No conditional evaluation at {path}; evaluate the run (it must have been trained with --conditional).", path);
        }

        try
        {
            return JsonSerializer.Deserialize<MnistConditionalReport>(File.ReadAllText(path), ConditionalJson) is { Digits: not null, Overall: not null } report
                ? report
                : throw new InvalidDataException($"{path} does not hold a conditional report (no digits or no overall report).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a conditional report: {ex.Message}", ex);
        }
    }

    private static EvaluationSummary Write(string runFolder, MnistEvaluationReport report, MnistConditionalReport? conditional, RunInfo info, int completedEpochs)
    {
        var summary = ToSummary(report, conditional);
        var extra = new Dictionary<string, JsonNode?>
        {
            ["arch"] = info.Arch,
            ["conditional"] = info.Conditional,
            ["seed"] = info.Seed,
            ["epochs"] = completedEpochs,
            ["generated_count"] = report.GeneratedCount,
            ["reference_count"] = report.ReferenceCount,
            ["kid_std"] = report.KidStd,
            ["classifier_score_std"] = report.ClassifierScoreStd,
            ["extractor"] = report.ExtractorName,
        };
        File.WriteAllText(Path.Combine(runFolder, EvaluationSummary.FileName), summary.ToJson(extra));
        File.WriteAllText(Path.Combine(runFolder, MarkdownFileName), conditional?.ToMarkdown() ?? report.ToMarkdown());
        return summary;
    }
}
