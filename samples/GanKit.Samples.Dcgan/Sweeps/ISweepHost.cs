using GanKit.Sweeps;

namespace GanKit.Samples.Dcgan.Sweeps;

/// <summary>The checked arguments of <c>sweep run</c>.</summary>
/// <param name="Plan">The expanded sweep file.</param>
/// <param name="Output">The shared sweep folder.</param>
/// <param name="Shard">The runs this worker does.</param>
/// <param name="Device">cpu or cuda.</param>
/// <param name="DataDirectory">Where MNIST is cached (null: the loader's default).</param>
/// <param name="Lease">How long a claim lives without a heartbeat.</param>
/// <param name="RetryFailed">Whether runs that failed before are tried again.</param>
/// <param name="Wait">Whether to wait for runs of the shard held by other workers.</param>
/// <param name="Steal">Whether to take unclaimed runs of other shards once this shard's are done.</param>
internal sealed record SweepRunSettings(SweepPlan Plan, string Output, SweepShard Shard, string Device, string? DataDirectory, TimeSpan Lease, bool RetryFailed, bool Wait, bool Steal = true);

/// <summary>The checked arguments of <c>sweep report</c>.</summary>
/// <param name="Directory">The sweep folder.</param>
/// <param name="RankBy">The metric key ranking the configurations.</param>
internal sealed record SweepReportSettings(string Directory, string RankBy);

/// <summary>What the sweep commands do once their arguments are valid; the real one trains with GanKit.</summary>
internal interface ISweepHost
{
    /// <summary>Runs this worker's shard of a sweep.</summary>
    int Run(SweepRunSettings settings, CancellationToken cancellationToken);

    /// <summary>Writes the report of a sweep folder.</summary>
    int Report(SweepReportSettings settings);
}
