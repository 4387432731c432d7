namespace GanKit.Benchmarks.Harness;

/// <summary>Median, minimum and maximum of a set of measurements.</summary>
/// <param name="Median">The middle value (the mean of the two middle values for an even count).</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Count">How many values were measured.</param>
public sealed record Stats(double Median, double Min, double Max, int Count)
{
    /// <summary>Summarises <paramref name="values"/>.</summary>
    /// <param name="values">At least one measurement.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Stats Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one measurement is needed.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>A single measurement.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A summary with median, min and max equal to <paramref name="value"/>.</returns>
    public static Stats Single(double value) => new(value, value, value, 1);
}
