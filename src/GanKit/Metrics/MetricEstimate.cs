namespace GanKit.Metrics;

/// <summary>A metric estimated on several subsets or splits: their mean and spread.</summary>
/// <param name="Mean">The mean over the repeats.</param>
/// <param name="Std">The population standard deviation over the repeats (0 for one repeat), as reference implementations report it.</param>
/// <param name="Repeats">The number of subsets or splits.</param>
/// <param name="SamplesPerRepeat">The number of samples in each subset or split (the smallest, when splits differ by one).</param>
public sealed record MetricEstimate(double Mean, double Std, int Repeats, long SamplesPerRepeat)
{
    internal static MetricEstimate FromValues(IReadOnlyList<double> values, long samplesPerRepeat)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return new MetricEstimate(mean, Math.Sqrt(variance), values.Count, samplesPerRepeat);
    }
}
