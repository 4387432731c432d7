namespace GanKit.Sweeps;

/// <summary>How a <see cref="SweepRunner"/> works through its share of a sweep.</summary>
public sealed class SweepRunnerOptions
{
    /// <summary>The default lease: 10 minutes.</summary>
    public static readonly TimeSpan DefaultLeaseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The default pause between looks at runs other workers hold: 10 seconds.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the runs this worker does.</summary>
    /// <value>The default value is <see cref="SweepShard.All"/>.</value>
    public SweepShard Shard { get; set; } = SweepShard.All;

    /// <summary>
    /// Gets or sets how long a claim lives without a heartbeat. A worker on another machine that
    /// dies is noticed only after this long (one on the same machine is noticed at once), so keep
    /// it short, but well above the heartbeat (a fifth of it) plus any clock skew between machines.
    /// </summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan LeaseTimeout { get; set; } = DefaultLeaseTimeout;

    /// <summary>Gets or sets whether runs that failed before are tried again.</summary>
    /// <value>The default value is false: a failure is a result the report lists.</value>
    public bool RetryFailed { get; set; }

    /// <summary>
    /// Gets or sets whether, after its own pass, the worker waits for runs of its shard that other
    /// workers hold, taking over any whose claim goes stale, so that a worker exits only when its
    /// whole shard is finished or failed.
    /// </summary>
    /// <value>The default value is true.</value>
    public bool WaitForHeldRuns { get; set; } = true;

    /// <summary>Gets or sets the pause between looks at runs other workers hold.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>Gets or sets the metrics a valid <c>summary.json</c> must hold.</summary>
    /// <value>The default value is <see cref="SweepMetric.Defaults"/>.</value>
    public IReadOnlyList<SweepMetric> Metrics { get; set; } = SweepMetric.Defaults;

    /// <summary>Gets or sets where run starts and outcomes are reported as they happen, or null.</summary>
    /// <value>The default value is null.</value>
    public IProgress<SweepRunEvent>? Progress { get; set; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is not positive.</exception>
    /// <exception cref="ArgumentException">No metrics are given.</exception>
    internal void Validate()
    {
        if (LeaseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LeaseTimeout), LeaseTimeout, "The lease must be positive.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval must be positive.");
        }

        if (Metrics is null || Metrics.Count == 0)
        {
            throw new ArgumentException("At least one metric is needed to tell a finished run from an unfinished one.", nameof(Metrics));
        }
    }
}
