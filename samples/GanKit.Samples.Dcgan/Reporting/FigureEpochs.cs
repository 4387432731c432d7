namespace GanKit.Samples.Dcgan.Reporting;

/// <summary>Chooses the epochs shown side by side in the comparison figure.</summary>
internal static class FigureEpochs
{
    /// <summary>The epochs of the reproduced report's figure, for its 50-epoch runs.</summary>
    public static readonly IReadOnlyList<int> ReportEpochs = [20, 30, 40, 49];

    /// <summary>The number of columns the figure has when the run is long enough.</summary>
    public const int Columns = 4;

    /// <summary>
    /// Returns the report's epochs (20, 30, 40, 49) for a 50-epoch run, and otherwise up to four
    /// evenly spaced epochs ending at the last one (1-based, as the sample files are numbered).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is not positive.</exception>
    public static IReadOnlyList<int> For(int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        if (epochs == 50)
        {
            return ReportEpochs;
        }

        return Enumerable.Range(1, Columns)
            .Select(k => (int)Math.Round(epochs * k / (double)Columns, MidpointRounding.AwayFromZero))
            .Select(e => Math.Clamp(e, 1, epochs))
            .Distinct()
            .ToList();
    }
}
