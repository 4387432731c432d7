namespace GanKit.Sweeps;

/// <summary>One metric over the finished seeds of one configuration.</summary>
/// <param name="Count">The number of finished runs the statistics cover.</param>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1 denominator), or null with fewer than two runs.</param>
/// <param name="Minimum">The smallest value.</param>
/// <param name="Maximum">The largest value.</param>
public sealed record SweepMetricStatistics(int Count, double Mean, double? StandardDeviation, double Minimum, double Maximum)
{
    /// <summary>Computes the statistics of some values.</summary>
    /// <param name="values">At least one value.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static SweepMetricStatistics Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Statistics need at least one value.", nameof(values));
        }

        double mean = values.Average();
        double? std = null;
        if (values.Count > 1)
        {
            // The seeds are a sample of the seeds one could have drawn, hence n - 1.
            double squares = values.Sum(v => (v - mean) * (v - mean));
            std = Math.Sqrt(squares / (values.Count - 1));
        }

        return new SweepMetricStatistics(values.Count, mean, std, values.Min(), values.Max());
    }
}
