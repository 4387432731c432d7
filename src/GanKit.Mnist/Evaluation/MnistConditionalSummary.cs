using System.Globalization;
using System.Text;

namespace GanKit.Mnist.Evaluation;

/// <summary>
/// Conditional reports of several seeds of one model, combined by
/// <see cref="MnistConditionalReport.Aggregate"/>: each number as mean ± sample standard deviation.
/// </summary>
/// <param name="Digits">Per-digit class accuracy and FID over the seeds, digits 0 to 9.</param>
/// <param name="IntraClassFid">Intra-class FID over the seeds.</param>
/// <param name="ClassAccuracy">Overall class accuracy over the seeds.</param>
/// <param name="SeedCount">The number of reports combined.</param>
public sealed record MnistConditionalSummary(
    IReadOnlyList<MnistConditionalDigitSummary> Digits,
    MnistSeedStatistics IntraClassFid,
    MnistSeedStatistics ClassAccuracy,
    int SeedCount)
{
    /// <summary>Formats the summary as markdown: the per-digit table, then the intra-class FID and class accuracy, every cell as mean ± std.</summary>
    /// <returns>The markdown text.</returns>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Mean ± sample standard deviation over {SeedCount} {(SeedCount == 1 ? "seed" : "seeds")}.");
        text.AppendLine();
        text.AppendLine("| Digit asked for | Class accuracy | FID vs test digit |");
        text.AppendLine("|---|---|---|");
        foreach (var d in Digits)
        {
            text.AppendLine(c, $"| {d.Digit} | {d.ClassAccuracy.ToString("P1")} | {d.Fid.ToString("F3")} |");
        }

        text.AppendLine();
        text.AppendLine("| Conditional metric | Value |");
        text.AppendLine("|---|---|");
        text.AppendLine(c, $"| Intra-class FID (mean over digits) | {IntraClassFid.ToString("F3")} |");
        text.AppendLine(c, $"| Class accuracy | {ClassAccuracy.ToString("P1")} |");
        return text.ToString();
    }
}
