namespace GanKit.Metrics;

/// <summary>What <see cref="ImageSetEvaluator.Evaluate"/> measured, and in which feature space.</summary>
/// <param name="ExtractorName">The feature extractor's name.</param>
/// <param name="ExtractorWeightsSha256">The SHA-256 of its weights: numbers are comparable only between reports with the same hash.</param>
/// <param name="Fid">Fréchet distance between the two sets' features.</param>
/// <param name="Kid">Kernel distance (mean and spread over subsets).</param>
/// <param name="PrecisionRecall">k-NN precision and recall.</param>
/// <param name="DensityCoverage">Density and coverage, which real outliers do not inflate.</param>
/// <param name="PerClass">Per class, the share of real and of generated images the extractor assigns to it; empty for a feature space without classes.</param>
public sealed record ImageSetEvaluation(
    string ExtractorName,
    string ExtractorWeightsSha256,
    double Fid,
    MetricEstimate Kid,
    PrecisionRecallResult PrecisionRecall,
    DensityCoverageResult DensityCoverage,
    IReadOnlyList<ClassShare> PerClass);

/// <summary>One row of the per-class table.</summary>
/// <param name="ClassName">The class.</param>
/// <param name="RealShare">Share of real images predicted as this class.</param>
/// <param name="GeneratedShare">Share of generated images predicted as this class.</param>
public sealed record ClassShare(string ClassName, double RealShare, double GeneratedShare);
