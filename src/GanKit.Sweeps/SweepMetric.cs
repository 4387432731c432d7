namespace GanKit.Sweeps;

/// <summary>A number each run's <c>summary.json</c> holds under <see cref="Key"/>, and which way is better.</summary>
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

    /// <summary>Gets Fréchet Inception-style distance (<c>fid</c>); lower is better.</summary>
    public static SweepMetric Fid { get; } = new("fid", "FID", higherIsBetter: false);

    /// <summary>Gets kernel distance (<c>kid</c>); lower is better.</summary>
    public static SweepMetric Kid { get; } = new("kid", "KID", higherIsBetter: false);

    /// <summary>Gets the classifier score (<c>classifier_score</c>); higher is better.</summary>
    public static SweepMetric ClassifierScore { get; } = new("classifier_score", "Score", higherIsBetter: true);

    /// <summary>Gets k-NN precision (<c>precision</c>); higher is better.</summary>
    public static SweepMetric Precision { get; } = new("precision", "Precision", higherIsBetter: true);

    /// <summary>Gets k-NN recall (<c>recall</c>); higher is better.</summary>
    public static SweepMetric Recall { get; } = new("recall", "Recall", higherIsBetter: true);

    /// <summary>Gets the five metrics the evaluation writes, FID first (the default ranking).</summary>
    public static IReadOnlyList<SweepMetric> Defaults { get; } = [Fid, Kid, ClassifierScore, Precision, Recall];

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
