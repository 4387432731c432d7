namespace GanKit.Sweeps;

/// <summary>
/// What an executor gets for one run: the run, its folder, the stop request, and a way to ask
/// whether this worker still owns the run.
/// </summary>
/// <remarks>
/// A worker frozen past its lease (a stopped process, a paused virtual machine) comes back to find
/// its run taken over by another worker. Call <see cref="ThrowIfClaimLost"/> before every
/// checkpoint and before writing the summary, for example from a trainer's step event: it costs a
/// field read while the heartbeat keeps up, and a look at the claim files only when it has not.
/// </remarks>
public sealed class SweepRunContext
{
    private readonly SweepClaim _claim;

    internal SweepRunContext(SweepRun run, string directory, SweepClaim claim, bool stolen, CancellationToken cancellationToken)
    {
        Run = run;
        Directory = directory;
        _claim = claim;
        IsFromOtherShard = stolen;
        CancellationToken = cancellationToken;
    }

    /// <summary>The file a finished run leaves in its folder, holding the host's metrics at the top level.</summary>
    public const string SummaryFileName = SweepSummary.FileName;

    /// <summary>Gets the run to execute.</summary>
    public SweepRun Run { get; }

    /// <summary>Gets the run's folder; it may hold a checkpoint of an interrupted earlier attempt, to resume from.</summary>
    public string Directory { get; }

    /// <summary>Gets the path the executor writes <see cref="SummaryFileName"/> to when the run finishes.</summary>
    public string SummaryPath => Path.Combine(Directory, SummaryFileName);

    /// <summary>Gets whether the run belongs to another shard, taken because this worker's own were done.</summary>
    public bool IsFromOtherShard { get; }

    /// <summary>
    /// Gets the stop request (Ctrl+C, SIGTERM): the executor checkpoints and throws
    /// <see cref="OperationCanceledException"/>, and the claim is released for the next worker.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets whether this worker still owns the run (see <see cref="ThrowIfClaimLost"/>).</summary>
    public bool HoldsClaim => _claim.IsHeld();

    /// <summary>
    /// Throws when another worker has taken the run over, so the executor stops without writing
    /// anything more into the folder the new owner now uses.
    /// </summary>
    /// <exception cref="SweepClaimLostException">The claim is no longer this worker's.</exception>
    public void ThrowIfClaimLost()
    {
        if (!_claim.IsHeld())
        {
            throw new SweepClaimLostException(Run.Id, _claim.DescribeCurrentHolder());
        }
    }
}
