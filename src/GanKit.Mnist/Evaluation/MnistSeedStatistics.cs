using System.Globalization;

namespace GanKit.Mnist.Evaluation;

/// <summary>Mean and seed-to-seed spread of one metric over several runs.</summary>
/// <param name="Mean">The arithmetic mean over the runs.</param>
/// <param name="Std">The sample standard deviation (divided by n - 1); 0 for a single run, which shows no spread.</param>
/// <param name="Count">The number of runs.</param>
public sealed record MnistSeedStatistics(double Mean, double Std, int Count)
{
    internal static MnistSeedStatistics Of(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        if (values.Count == 1)
        {
            return new MnistSeedStatistics(mean, 0, 1);
        }

        double squares = values.Sum(v => (v - mean) * (v - mean));
        return new MnistSeedStatistics(mean, Math.Sqrt(squares / (values.Count - 1)), values.Count);
    }

    /// <summary>Formats as <c>mean ± std</c> with one numeric format for both, in the invariant culture.</summary>
    /// <param name="format">A standard or custom numeric format, such as <c>F3</c> or <c>P1</c>.</param>
    /// <returns>The text, for example <c>12.345 ± 0.678</c>.</returns>
    public string ToString(string format) =>
        $"{Mean.ToString(format, CultureInfo.InvariantCulture)} ± {Std.ToString(format, CultureInfo.InvariantCulture)}";
}
