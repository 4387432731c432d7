namespace GanKit.Samples.Dcgan.Reporting;

/// <summary>Writes the plain-language verdict of a comparison.</summary>
internal static class Verdict
{
    /// <summary>
    /// Says which architecture is better on which metric, and whether each difference exceeds the
    /// seed-to-seed spread.
    /// </summary>
    /// <param name="firstName">Name of the first architecture, lower case (for example <c>original</c>).</param>
    /// <param name="secondName">Name of the second architecture.</param>
    /// <param name="comparisons">The per-metric comparisons.</param>
    /// <exception cref="ArgumentException"><paramref name="comparisons"/> is empty.</exception>
    public static string Write(string firstName, string secondName, IReadOnlyList<MetricComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        if (comparisons.Count == 0)
        {
            throw new ArgumentException("A verdict needs at least one compared metric.", nameof(comparisons));
        }

        var clauses = new List<string>();
        foreach (var (winner, name) in new[] { (Winner.Second, secondName), (Winner.First, firstName) })
        {
            var won = Names(comparisons.Where(c => c.Winner == winner));
            if (won.Count > 0)
            {
                clauses.Add($"the {name} architecture is better on {Join(won)}");
            }
        }

        var tied = Names(comparisons.Where(c => c.Winner == Winner.Tie));
        if (tied.Count > 0)
        {
            clauses.Add($"the two are equal on {Join(tied)}");
        }

        string first = Capitalise(string.Join("; ", clauses)) + ".";
        return first + " " + SpreadSentence(comparisons.Where(c => c.Winner != Winner.Tie).ToList());
    }

    private static string SpreadSentence(IReadOnlyList<MetricComparison> differing)
    {
        if (differing.Count == 0)
        {
            return "There is no difference to weigh against the seed-to-seed spread.";
        }

        if (differing.Any(c => c.ExceedsSpread is null))
        {
            return "With a single seed per architecture there is no seed-to-seed spread, so none of these differences can be told apart from seed noise; run more seeds to decide.";
        }

        const string Rule = "(the gap between the means is larger than the two standard deviations added together)";
        var exceeding = Names(differing.Where(c => c.ExceedsSpread == true));
        if (exceeding.Count == differing.Count)
        {
            return differing.Count == 1
                ? $"This difference exceeds the seed-to-seed spread {Rule}."
                : $"All of these differences exceed the seed-to-seed spread {Rule}.";
        }

        if (exceeding.Count == 0)
        {
            return $"None of these differences exceeds the seed-to-seed spread {Rule}, so over these seeds neither architecture is clearly better.";
        }

        string verb = exceeding.Count == 1 ? "difference exceeds" : "differences exceed";
        return $"Only the {Join(exceeding)} {verb} the seed-to-seed spread {Rule}; the others are within it.";
    }

    private static List<string> Names(IEnumerable<MetricComparison> comparisons) =>
        comparisons.Select(c => c.Metric.Name is "FID" or "KID" ? c.Metric.Name : c.Metric.Name.ToLowerInvariant()).ToList();

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
