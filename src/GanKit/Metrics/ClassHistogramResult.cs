namespace GanKit.Metrics;

/// <summary>How generated samples spread over the classes a classifier assigns them to.</summary>
/// <param name="Counts">Samples per class, indexed by class.</param>
/// <param name="Shares">Share of samples per class, summing to 1.</param>
/// <param name="CoveredClasses">Classes holding at least <see cref="ClassHistogram.CoverageThreshold"/> of the samples.</param>
/// <param name="Coverage"><paramref name="CoveredClasses"/> divided by the number of classes.</param>
/// <param name="KlFromUniform">KL(shares ‖ uniform) in nats: 0 for a perfectly even spread, ln K when every sample falls in one class.</param>
public sealed record ClassHistogramResult(long[] Counts, double[] Shares, int CoveredClasses, double Coverage, double KlFromUniform)
{
    /// <summary>Gets the number of samples counted.</summary>
    public long SampleCount => Counts.Sum();
}
