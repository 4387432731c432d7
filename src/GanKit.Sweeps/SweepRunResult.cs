namespace GanKit.Sweeps;

/// <summary>
/// What an executor reports after one run: success (its <c>summary.json</c> is written), a
/// failure reason, or that the run could not start yet for a reason outside it.
/// </summary>
public sealed class SweepRunResult
{
    private SweepRunResult(bool succeeded, string? failureReason, string? deferralReason = null)
    {
        Succeeded = succeeded;
        FailureReason = failureReason;
        DeferralReason = deferralReason;
    }

    /// <summary>Gets why the run was put off, or null when it ran (see <see cref="Deferred"/>).</summary>
    public string? DeferralReason { get; }

    /// <summary>Gets whether the run finished and wrote its summary.</summary>
    public bool Succeeded { get; }

    /// <summary>Gets why the run failed, or null when it succeeded.</summary>
    public string? FailureReason { get; }

    /// <summary>The run finished and wrote <c>summary.json</c> into its folder.</summary>
    /// <returns>A success result.</returns>
    public static SweepRunResult Success() => new(true, null);

    /// <summary>The run failed for a reason that retrying will not fix (diverged, bad configuration).</summary>
    /// <param name="reason">Why, in one line; the report lists it.</param>
    /// <returns>A failure result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static SweepRunResult Failure(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, reason);
    }

    /// <summary>
    /// The run could not start now for a reason outside it, such as its folder still being held by
    /// a process that lost the run's claim but has not stopped yet. Nothing is recorded: the claim
    /// is released and the run is tried again later, like a run another worker holds.
    /// </summary>
    /// <param name="reason">Why, in one line.</param>
    /// <returns>A deferral result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static SweepRunResult Deferred(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, null, reason);
    }
}
