namespace GanKit.Metrics;

/// <summary>Density and coverage of a generated set against a real one (Naeem et al. 2020).</summary>
/// <param name="Density">
/// Mean number of real-sample balls holding each generated sample, divided by k: about 1 when the
/// generated set is distributed like the real one, above 1 when it crowds into dense regions, below
/// 1 when it strays. Unbounded, unlike precision, and not fooled by real outliers' large balls.
/// </param>
/// <param name="Coverage">Share of real samples whose ball holds at least one generated sample, in [0, 1].</param>
/// <param name="K">The neighbour count that set each real ball's radius.</param>
/// <param name="RealCount">Number of real samples.</param>
/// <param name="GeneratedCount">Number of generated samples.</param>
public sealed record DensityCoverageResult(double Density, double Coverage, int K, long RealCount, long GeneratedCount);
