using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GanKit.Mnist.Evaluation;

/// <summary>
/// The result of <see cref="MnistEvaluator.EvaluateConditional(TorchSharp.torch.Tensor, TorchSharp.torch.Tensor)"/>:
/// each digit judged on the images a class-conditional generator was asked to draw as that digit,
/// next to the ordinary report over all of them.
/// </summary>
/// <param name="Digits">Per-digit table, digits 0 to 9, by requested digit.</param>
/// <param name="IntraClassFid">Intra-class FID: the unweighted mean of the per-digit FIDs, as StudioGAN reports it (lower is better).</param>
/// <param name="ClassAccuracy">Share of all images the shipped classifier reads as the digit they were asked for (0.1 for a generator that ignores its label).</param>
/// <param name="Overall">The ordinary report (FID, KID, classifier score, precision and recall, predicted-digit histogram) of the same images, labels ignored.</param>
public sealed record MnistConditionalReport(
    IReadOnlyList<MnistConditionalDigitQuality> Digits,
    double IntraClassFid,
    double ClassAccuracy,
    MnistEvaluationReport Overall)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Serialises the report, the ordinary report included, as indented JSON with camel-case names.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// Formats the report as markdown: the per-digit table (by requested digit), the intra-class FID
    /// and class accuracy, then the ordinary report of <see cref="MnistEvaluationReport.ToMarkdown"/>.
    /// </summary>
    /// <returns>The markdown text.</returns>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| Digit asked for | Class accuracy | FID vs test digit | Mean confidence | Samples | Test images |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var d in Digits)
        {
            text.AppendLine(c, $"| {d.Digit} | {d.ClassAccuracy:P1} | {d.Fid:F3} | {d.MeanConfidence:F4} | {d.Count} | {d.ReferenceCount} |");
        }

        text.AppendLine();
        text.AppendLine("| Conditional metric | Value |");
        text.AppendLine("|---|---|");
        text.AppendLine(c, $"| Intra-class FID (mean over digits) | {IntraClassFid:F3} |");
        text.AppendLine(c, $"| Class accuracy | {ClassAccuracy:P1} |");
        text.AppendLine();
        text.AppendLine("All samples together, labels ignored:");
        text.AppendLine();
        text.Append(Overall.ToMarkdown());
        return text.ToString();
    }

    /// <summary>
    /// Combines the reports of several seeds (or runs) of one model into per-digit mean ± std of
    /// class accuracy and FID, and mean ± std of intra-class FID and class accuracy.
    /// </summary>
    /// <param name="seeds">One report per seed, all from the same feature network and the same digits.</param>
    /// <returns>The summary; standard deviations are sample ones (n - 1), 0 for a single seed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="seeds"/> or one of its reports is null.</exception>
    /// <exception cref="ArgumentException">There are no reports, or they differ in their digits or feature network (the message names the first report that differs).</exception>
    public static MnistConditionalSummary Aggregate(IReadOnlyList<MnistConditionalReport> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("Aggregating needs at least one conditional report; got none.", nameof(seeds));
        }

        for (int i = 0; i < seeds.Count; i++)
        {
            if (seeds[i] is null)
            {
                throw new ArgumentNullException(nameof(seeds), $"Report {i} of {seeds.Count} is null.");
            }
        }

        var first = seeds[0];
        var digits = first.Digits.Select(d => d.Digit).ToList();
        for (int i = 1; i < seeds.Count; i++)
        {
            var report = seeds[i];
            if (!report.Digits.Select(d => d.Digit).SequenceEqual(digits))
            {
                throw new ArgumentException($"Report {i} has digits [{string.Join(", ", report.Digits.Select(d => d.Digit))}] but report 0 has [{string.Join(", ", digits)}]; only reports over the same digits can be aggregated.", nameof(seeds));
            }

            if (report.Overall.ExtractorWeightsSha256 != first.Overall.ExtractorWeightsSha256)
            {
                throw new ArgumentException($"Report {i} was measured with feature network '{report.Overall.ExtractorName}' (SHA-256 {report.Overall.ExtractorWeightsSha256}) but report 0 with '{first.Overall.ExtractorName}' (SHA-256 {first.Overall.ExtractorWeightsSha256}); their FIDs are not comparable.", nameof(seeds));
            }
        }

        var rows = digits.Select((digit, row) => new MnistConditionalDigitSummary(
            digit,
            MnistSeedStatistics.Of(seeds.Select(s => s.Digits[row].ClassAccuracy).ToList()),
            MnistSeedStatistics.Of(seeds.Select(s => s.Digits[row].Fid).ToList()))).ToList();
        return new MnistConditionalSummary(
            rows,
            MnistSeedStatistics.Of(seeds.Select(s => s.IntraClassFid).ToList()),
            MnistSeedStatistics.Of(seeds.Select(s => s.ClassAccuracy).ToList()),
            seeds.Count);
    }
}
