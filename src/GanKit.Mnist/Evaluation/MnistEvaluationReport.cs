using System.Globalization;
using System.Text;
using System.Text.Json;
using GanKit.Metrics;

namespace GanKit.Mnist.Evaluation;

/// <summary>
/// The result of an <see cref="MnistEvaluator"/>: sample quality, diversity and per-digit quality
/// of generated MNIST images against the MNIST test split, with everything needed to tell whether
/// two reports are comparable (sample counts, settings, extractor name and weights hash).
/// </summary>
/// <param name="Fid">Fréchet distance between generated and test features (lower is better).</param>
/// <param name="Kid">Kernel distance (unbiased MMD², cubic kernel), mean over subsets (lower is better).</param>
/// <param name="KidStd">Standard deviation of the kernel distance over subsets.</param>
/// <param name="ClassifierScore">Inception-style score with the MNIST classifier, between 1 and 10 (higher is better).</param>
/// <param name="ClassifierScoreStd">Standard deviation of the classifier score over splits.</param>
/// <param name="Precision">Share of generated samples on the test manifold (realism).</param>
/// <param name="Recall">Share of test images on the generated manifold (coverage of the data).</param>
/// <param name="Histogram">Histogram of predicted digits, coverage and KL divergence from uniform.</param>
/// <param name="Digits">Per-digit table, digits 0 to 9.</param>
/// <param name="GeneratedCount">Number of generated images evaluated.</param>
/// <param name="ReferenceCount">Number of test images compared against.</param>
/// <param name="ExtractorName">Name of the feature network.</param>
/// <param name="ExtractorWeightsSha256">SHA-256 of the feature network's weights.</param>
/// <param name="KidSubsets">Number of KID subsets.</param>
/// <param name="KidSubsetSize">Samples per KID subset actually used.</param>
/// <param name="ClassifierScoreSplits">Number of classifier-score splits.</param>
/// <param name="PrecisionRecallK">Neighbour count of precision and recall.</param>
/// <param name="Seed">Seed of KID subsets (and latent noise, for a generator).</param>
public sealed record MnistEvaluationReport(
    double Fid,
    double Kid,
    double KidStd,
    double ClassifierScore,
    double ClassifierScoreStd,
    double Precision,
    double Recall,
    ClassHistogramResult Histogram,
    IReadOnlyList<MnistDigitQuality> Digits,
    long GeneratedCount,
    long ReferenceCount,
    string ExtractorName,
    string ExtractorWeightsSha256,
    int KidSubsets,
    long KidSubsetSize,
    int ClassifierScoreSplits,
    int PrecisionRecallK,
    long Seed)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Gets the share of digits holding at least 1% of the samples.</summary>
    public double Coverage => Histogram.Coverage;

    /// <summary>Gets the KL divergence of the predicted-digit histogram from uniform, in nats.</summary>
    public double KlFromUniform => Histogram.KlFromUniform;

    /// <summary>Serialises the report as indented JSON with camel-case names.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Formats the report as markdown: a summary table, then the per-digit table.</summary>
    /// <returns>The markdown text.</returns>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| Metric | Value |");
        text.AppendLine("|---|---|");
        text.AppendLine(c, $"| FID | {Fid:F3} |");
        text.AppendLine(c, $"| KID | {Kid:F5} ± {KidStd:F5} |");
        text.AppendLine(c, $"| Classifier score | {ClassifierScore:F3} ± {ClassifierScoreStd:F3} |");
        text.AppendLine(c, $"| Precision | {Precision:F4} |");
        text.AppendLine(c, $"| Recall | {Recall:F4} |");
        text.AppendLine(c, $"| Digit coverage | {Histogram.CoveredClasses}/{Histogram.Counts.Length} |");
        text.AppendLine(c, $"| KL(histogram ‖ uniform) | {KlFromUniform:F4} |");
        text.AppendLine(c, $"| Samples (generated / test) | {GeneratedCount} / {ReferenceCount} |");
        text.AppendLine(c, $"| Feature network | {ExtractorName}, SHA-256 {ExtractorWeightsSha256} |");
        text.AppendLine(c, $"| Settings | KID {KidSubsets}×{KidSubsetSize}, score splits {ClassifierScoreSplits}, k = {PrecisionRecallK}, seed {Seed} |");
        text.AppendLine();
        text.AppendLine("| Digit | Share | Mean confidence | FID vs test digit | Samples | Test images |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var d in Digits)
        {
            string confidence = d.MeanConfidence is { } m ? m.ToString("F4", c) : "–";
            string fid = d.Fid is { } f ? f.ToString("F3", c) : "–";
            text.AppendLine(c, $"| {d.Digit} | {d.Share:P1} | {confidence} | {fid} | {d.Count} | {d.ReferenceCount} |");
        }

        return text.ToString();
    }
}
