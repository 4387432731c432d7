namespace GanKit.Sweeps;

/// <summary>How a <see cref="SweepRunner"/> works through its share of a sweep.</summary>
/// <remarks>
/// The runner copies the options and checks them when it is created: later changes to this
/// instance do not reach it, and a bad value fails before any run is claimed. Run events are
/// reported through the <c>progress</c> parameter of <see cref="SweepRunner.Run"/>.
/// </remarks>
public sealed class SweepRunnerOptions
{
    /// <summary>The longest <see cref="LeaseTimeout"/>: one day. A longer lease only keeps a dead worker's run blocked longer.</summary>
    public static readonly TimeSpan MaxLeaseTimeout = TimeSpan.FromDays(1);

    /// <summary>The longest <see cref="PollInterval"/>: one hour.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromHours(1);

    /// <summary>The default of <see cref="LeaseTimeout"/>.</summary>
    internal static readonly TimeSpan DefaultLeaseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The default of <see cref="PollInterval"/>.</summary>
    internal static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the runs this worker does first.</summary>
    /// <value>The default value is <see cref="SweepShard.All"/>.</value>
    public SweepShard Shard { get; set; } = SweepShard.All;

    /// <summary>
    /// Gets or sets how long a claim lives without a heartbeat. A worker on another machine that
    /// dies is noticed only after this long (one on the same machine is noticed at once), so keep
    /// it short, but well above the heartbeat (a fifth of it) plus any clock skew between machines.
    /// </summary>
    /// <value>The default value is 10 minutes; at most <see cref="MaxLeaseTimeout"/>.</value>
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

    /// <summary>
    /// Gets or sets whether a worker whose own runs are done takes runs of other shards that no
    /// worker has claimed, last runs first (their own worker starts from the front). Its own shard
    /// always comes first, so with every worker alive the split stays the predictable
    /// <c>number mod N</c>; a cancelled or late worker's runs no longer wait for it.
    /// </summary>
    /// <value>The default value is true.</value>
    public bool StealWork { get; set; } = true;

    /// <summary>Gets or sets the pause between looks at runs other workers hold.</summary>
    /// <value>The default value is 10 seconds; at most <see cref="MaxPollInterval"/>.</value>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>Gets or sets the metrics a valid <c>summary.json</c> must hold, as the host's evaluation writes them.</summary>
    /// <value>The default value is empty; at least one is required.</value>
    public IReadOnlyList<SweepMetric> Metrics { get; set; } = [];

    /// <summary>Returns a copy (with its own copy of the metric list), so later changes to this instance do not reach a runner.</summary>
    internal SweepRunnerOptions Clone()
    {
        var copy = (SweepRunnerOptions)MemberwiseClone();
        copy.Metrics = Metrics?.ToArray()!;
        return copy;
    }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is not positive or above its maximum.</exception>
    /// <exception cref="ArgumentException">No metrics are given, or two share a key.</exception>
    internal void Validate()
    {
        InRange(LeaseTimeout, MaxLeaseTimeout, nameof(LeaseTimeout));
        InRange(PollInterval, MaxPollInterval, nameof(PollInterval));
        if (Metrics is null || Metrics.Count == 0 || Metrics.Any(m => m is null))
        {
            throw new ArgumentException($"{nameof(Metrics)} must list at least one metric (and no null) to tell a finished run from an unfinished one.", nameof(Metrics));
        }

        if (Metrics.Select(m => m.Key).Distinct(StringComparer.Ordinal).Count() != Metrics.Count)
        {
            throw new ArgumentException($"{nameof(Metrics)} lists a key twice: {string.Join(", ", Metrics.Select(m => m.Key))}.", nameof(Metrics));
        }
    }

    private static void InRange(TimeSpan value, TimeSpan maximum, string name)
    {
        if (value <= TimeSpan.Zero || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and at most {maximum}; got {value}.");
        }
    }
}
