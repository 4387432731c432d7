namespace GanKit.Sweeps;

/// <summary>
/// This worker's claim on a run was taken over by another worker (its heartbeat lapsed for longer
/// than the lease, say while the process was frozen), so it must stop working on the run at once.
/// </summary>
/// <remarks>
/// The <see cref="SweepRunner"/> neither records a failure nor releases the claim for such a run:
/// the run is the new owner's now.
/// </remarks>
public sealed class SweepClaimLostException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SweepClaimLostException()
        : this("The sweep run's claim was taken over by another worker.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SweepClaimLostException(string message)
        : base(message)
    {
        RunId = string.Empty;
        Holder = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SweepClaimLostException(string message, Exception innerException)
        : base(message, innerException)
    {
        RunId = string.Empty;
        Holder = string.Empty;
    }

    /// <summary>Creates the exception for a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="holder">Who holds it now.</param>
    public SweepClaimLostException(string runId, string holder)
        : base($"The run {runId} was taken over by another worker ({holder}) while this one was not heartbeating; this worker stops working on it.")
    {
        RunId = runId;
        Holder = holder;
    }

    /// <summary>Gets the run that was lost.</summary>
    public string RunId { get; }

    /// <summary>Gets who holds the run now.</summary>
    public string Holder { get; }
}
