namespace GanKit.Samples.Dcgan.Reporting;

/// <summary>Which of two architectures a metric favours.</summary>
internal enum Winner
{
    /// <summary>Both means are equal.</summary>
    Tie,

    /// <summary>The first architecture (the original) is better.</summary>
    First,

    /// <summary>The second architecture (the modified one) is better.</summary>
    Second,
}

/// <summary>One metric compared between two architectures over the same seeds.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="First">Statistics of the first architecture.</param>
/// <param name="Second">Statistics of the second architecture.</param>
/// <param name="Winner">The architecture with the better mean.</param>
/// <param name="ExceedsSpread">
/// Whether the difference of means is larger than the sum of the two standard deviations; null when
/// either side has a single seed and so no spread to compare against.
/// </param>
internal sealed record MetricComparison(Metric Metric, SampleStatistics First, SampleStatistics Second, Winner Winner, bool? ExceedsSpread)
{
    /// <summary>Compares every headline metric of two sets of runs.</summary>
    /// <exception cref="ArgumentException">Either set is empty.</exception>
    public static IReadOnlyList<MetricComparison> CompareAll(IReadOnlyList<EvaluationSummary> first, IReadOnlyList<EvaluationSummary> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count == 0 || second.Count == 0)
        {
            throw new ArgumentException($"Both architectures need at least one evaluated run; got {first.Count} and {second.Count}.");
        }

        return Metric.All.Select(m => Compare(m, first, second)).ToList();
    }

    /// <summary>Compares one metric.</summary>
    public static MetricComparison Compare(Metric metric, IReadOnlyList<EvaluationSummary> first, IReadOnlyList<EvaluationSummary> second)
    {
        var a = SampleStatistics.Of(first.Select(metric.Read).ToList());
        var b = SampleStatistics.Of(second.Select(metric.Read).ToList());
        Winner winner = a.Mean == b.Mean
            ? Winner.Tie
            : (a.Mean < b.Mean) == metric.LowerIsBetter ? Winner.First : Winner.Second;

        // "Exceeds the spread" is read conservatively: the two mean ± std intervals do not overlap.
        bool? exceeds = a.HasSpread && b.HasSpread
            ? Math.Abs(a.Mean - b.Mean) > a.StandardDeviation + b.StandardDeviation
            : null;
        return new MetricComparison(metric, a, b, winner, exceeds);
    }
}
