namespace GanKit.Metrics;

/// <summary>Improved precision and recall of a generated set against a real one.</summary>
/// <param name="Precision">Share of generated samples inside the real manifold: how realistic the samples are.</param>
/// <param name="Recall">Share of real samples inside the generated manifold: how much of the data the generator covers.</param>
/// <param name="K">The neighbour count that set each manifold ball's radius.</param>
/// <param name="RealCount">Number of real samples.</param>
/// <param name="GeneratedCount">Number of generated samples.</param>
public sealed record PrecisionRecallResult(double Precision, double Recall, int K, long RealCount, long GeneratedCount);
