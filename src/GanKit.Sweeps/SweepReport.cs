namespace GanKit.Sweeps;

/// <summary>
/// Every run of a sweep folder gathered into configurations ranked by one metric, with mean and
/// standard deviation over seeds, and the runs that failed or have not finished listed by name.
/// </summary>
public sealed partial class SweepReport
{
    private SweepReport(
        string name,
        string directory,
        IReadOnlyList<SweepMetric> metrics,
        SweepMetric rankedBy,
        IReadOnlyList<string> variedParameters,
        IReadOnlyList<SweepConfigurationResult> configurations,
        IReadOnlyList<SweepRunStatus> runs)
    {
        Name = name;
        Directory = directory;
        Metrics = metrics;
        RankedBy = rankedBy;
        VariedParameters = variedParameters;
        Configurations = configurations;
        Runs = runs;
    }

    /// <summary>Gets the sweep's name.</summary>
    public string Name { get; }

    /// <summary>Gets the sweep folder.</summary>
    public string Directory { get; }

    /// <summary>Gets the metrics in the table, in column order.</summary>
    public IReadOnlyList<SweepMetric> Metrics { get; }

    /// <summary>Gets the metric whose mean ranks the configurations.</summary>
    public SweepMetric RankedBy { get; }

    /// <summary>Gets the grid parameter names.</summary>
    public IReadOnlyList<string> VariedParameters { get; }

    /// <summary>Gets the configurations, best first; those with no finished seed come last, in plan order.</summary>
    public IReadOnlyList<SweepConfigurationResult> Configurations { get; }

    /// <summary>Gets every run in plan order.</summary>
    public IReadOnlyList<SweepRunStatus> Runs { get; }

    /// <summary>Gets the best configuration, or null when no run finished.</summary>
    public SweepConfigurationResult? Best => Configurations.FirstOrDefault(c => c.Rank == 1);

    /// <summary>Gets the runs that failed.</summary>
    public IReadOnlyList<SweepRunStatus> FailedRuns => Runs.Where(r => r.State == SweepRunState.Failed).ToArray();

    /// <summary>Gets the runs that have not finished (not started, running or interrupted).</summary>
    public IReadOnlyList<SweepRunStatus> MissingRuns =>
        Runs.Where(r => r.State is SweepRunState.NotStarted or SweepRunState.Running or SweepRunState.Interrupted).ToArray();

    /// <summary>Reads a sweep folder and builds the report.</summary>
    /// <param name="sweepDirectory">The folder given to <c>sweep run --out</c>.</param>
    /// <param name="metrics">The metrics to tabulate, in column order; every finished run's summary holds them.</param>
    /// <param name="rankBy">The key of the metric to rank by, or null for the first metric.</param>
    /// <param name="leaseTimeout">How old a claim's heartbeat may be before its run counts as interrupted rather than running.</param>
    /// <returns>The report.</returns>
    /// <exception cref="FileNotFoundException">The folder holds no <c>plan.json</c>.</exception>
    /// <exception cref="InvalidDataException">The plan is unreadable.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="metrics"/> is empty, or <paramref name="rankBy"/> names no metric in it.</exception>
    public static SweepReport Collect(string sweepDirectory, IReadOnlyList<SweepMetric> metrics, string? rankBy = null, TimeSpan? leaseTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics = metrics.ToArray();
        if (metrics.Count == 0)
        {
            throw new ArgumentException("A report needs at least one metric.", nameof(metrics));
        }

        var ranking = rankBy is null
            ? metrics[0]
            : metrics.FirstOrDefault(m => m.Key == rankBy)
              ?? throw new ArgumentException($"Cannot rank by '{rankBy}': the metrics are {string.Join(", ", metrics.Select(m => m.Key))}.", nameof(rankBy));

        var folder = new SweepFolder(sweepDirectory);
        var plan = folder.ReadPlan();
        var runs = plan.Runs.Select(run => folder.Inspect(run, metrics, leaseTimeout ?? SweepRunnerOptions.DefaultLeaseTimeout)).ToArray();

        var groups = runs.GroupBy(r => r.Run.ConfigurationId).Select(g => g.ToArray()).ToList();
        var statistics = groups.Select(group =>
        {
            var finished = group.Where(r => r.State == SweepRunState.Finished).ToArray();
            var stats = new Dictionary<string, SweepMetricStatistics>(StringComparer.Ordinal);
            if (finished.Length > 0)
            {
                foreach (var metric in metrics)
                {
                    stats[metric.Key] = SweepMetricStatistics.Of(finished.Select(r => r.Metrics[metric.Key]).ToArray());
                }
            }

            return (Runs: group, Stats: stats);
        }).ToList();

        // Stable ordering: equal means keep plan order, so the table does not shuffle between calls.
        var ranked = statistics
            .Select((entry, index) => (entry, index))
            .Where(x => x.entry.Stats.Count > 0)
            .OrderBy(x => ranking.HigherIsBetter ? -x.entry.Stats[ranking.Key].Mean : x.entry.Stats[ranking.Key].Mean)
            .ThenBy(x => x.index)
            .Select((x, position) => new SweepConfigurationResult(position + 1, x.entry.Runs, x.entry.Stats))
            .ToList();
        ranked.AddRange(statistics.Where(e => e.Stats.Count == 0).Select(e => new SweepConfigurationResult(null, e.Runs, e.Stats)));

        return new SweepReport(plan.Name, folder.Root, metrics, ranking, plan.VariedParameters, ranked, runs);
    }
}
