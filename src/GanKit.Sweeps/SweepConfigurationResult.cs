namespace GanKit.Sweeps;

/// <summary>One configuration (all its seeds) in a <see cref="SweepReport"/>.</summary>
public sealed class SweepConfigurationResult
{
    internal SweepConfigurationResult(int? rank, IReadOnlyList<SweepRunStatus> runs, IReadOnlyDictionary<string, SweepMetricStatistics> statistics)
    {
        Rank = rank;
        Runs = runs;
        Statistics = statistics;
    }

    /// <summary>Gets the 1-based rank by the report's ranking metric, or null when no seed finished.</summary>
    public int? Rank { get; }

    /// <summary>Gets the configuration id shared by its runs.</summary>
    public string ConfigurationId => Runs[0].Run.ConfigurationId;

    /// <summary>Gets the human label (the varied values).</summary>
    public string Label => Runs[0].Run.ConfigurationLabel;

    /// <summary>Gets one representative run (the first seed), for its parameters.</summary>
    public SweepRun Representative => Runs[0].Run;

    /// <summary>Gets every run of the configuration, one per seed, in run order.</summary>
    public IReadOnlyList<SweepRunStatus> Runs { get; }

    /// <summary>Gets the number of runs that finished.</summary>
    public int FinishedRuns => Runs.Count(r => r.State == SweepRunState.Finished);

    /// <summary>Gets the statistics by metric key; empty when no seed finished.</summary>
    public IReadOnlyDictionary<string, SweepMetricStatistics> Statistics { get; }
}
