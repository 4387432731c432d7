namespace GanKit.Samples.Dcgan.Reporting;

/// <summary>One headline metric of the comparison: how to read it from a summary and which way is better.</summary>
internal sealed record Metric(string Name, string Key, bool LowerIsBetter, string Format, Func<EvaluationSummary, double> Read)
{
    /// <summary>The five headline metrics, in the report's column order.</summary>
    public static IReadOnlyList<Metric> All { get; } =
    [
        new("FID", "fid", LowerIsBetter: true, "F2", s => s.Fid),
        // KID is small (around 1e-3 for good models); four decimals would round it away.
        new("KID", "kid", LowerIsBetter: true, "F4", s => s.Kid),
        new("Classifier score", "classifier_score", LowerIsBetter: false, "F3", s => s.ClassifierScore),
        new("Precision", "precision", LowerIsBetter: false, "F3", s => s.Precision),
        new("Recall", "recall", LowerIsBetter: false, "F3", s => s.Recall),
    ];
}
