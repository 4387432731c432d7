namespace GanKit.Sweeps;

/// <summary>A number each run's <c>summary.json</c> holds under <see cref="Key"/>, and which way is better.</summary>
/// <remarks>
/// The host declares its metrics (an evaluation knows what it writes); the engine only requires
/// each one to be a finite number before it counts a run as finished, and ranks by them.
/// </remarks>
public sealed class SweepMetric
{
    /// <summary>Creates a metric.</summary>
    /// <param name="key">The top-level key in <c>summary.json</c>.</param>
    /// <param name="title">The column title in reports.</param>
    /// <param name="higherIsBetter">True when larger values rank first.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="title"/> is empty.</exception>
    public SweepMetric(string key, string title, bool higherIsBetter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Key = key;
        Title = title;
        HigherIsBetter = higherIsBetter;
    }

    /// <summary>Gets the key in <c>summary.json</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the column title.</summary>
    public string Title { get; }

    /// <summary>Gets whether larger values are better.</summary>
    public bool HigherIsBetter { get; }

    /// <summary>Gets the title with an arrow showing which way is better.</summary>
    public string TitleWithDirection => $"{Title} {(HigherIsBetter ? "↑" : "↓")}";

    /// <inheritdoc/>
    public override string ToString() => Key;
}
