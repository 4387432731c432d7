namespace GanKit.Sweeps;

/// <summary>What an executor reports after one run: success (its <c>summary.json</c> is written) or a failure reason.</summary>
public sealed class SweepRunResult
{
    private SweepRunResult(bool succeeded, string? failureReason)
    {
        Succeeded = succeeded;
        FailureReason = failureReason;
    }

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
}
