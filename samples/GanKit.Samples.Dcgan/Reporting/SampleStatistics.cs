namespace GanKit.Samples.Dcgan.Reporting;

/// <summary>Mean and seed-to-seed standard deviation of one metric.</summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n - 1); <see cref="double.NaN"/> for a single value, which says nothing about spread.</param>
/// <param name="Count">Number of values.</param>
internal readonly record struct SampleStatistics(double Mean, double StandardDeviation, int Count)
{
    /// <summary>Whether a spread could be estimated (two values or more).</summary>
    public bool HasSpread => Count > 1;

    /// <summary>Computes the statistics of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static SampleStatistics Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Statistics need at least one value; got none.", nameof(values));
        }

        double mean = values.Average();
        if (values.Count == 1)
        {
            return new SampleStatistics(mean, double.NaN, 1);
        }

        double squares = values.Sum(v => (v - mean) * (v - mean));
        return new SampleStatistics(mean, Math.Sqrt(squares / (values.Count - 1)), values.Count);
    }

    /// <summary>Formats as <c>mean ± std</c>, or the mean alone when there is no spread.</summary>
    public string ToString(string format) =>
        HasSpread
            ? $"{Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {StandardDeviation.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}"
            : Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
