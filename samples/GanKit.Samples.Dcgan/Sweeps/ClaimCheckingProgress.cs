using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Sweeps;

namespace GanKit.Samples.Dcgan.Sweeps;

/// <summary>
/// A run's progress display that first asks whether this worker still owns the run. The trainer's
/// step event reaches the display after every step, and the run notes "Evaluating ..." before it
/// writes <c>summary.json</c>, so a worker that was frozen past its lease and lost the run stops
/// at the next step: before its next checkpoint, and before any summary.
/// </summary>
internal sealed class ClaimCheckingProgress(IRunProgress inner, SweepRunContext context) : IRunProgress
{
    /// <inheritdoc />
    /// <exception cref="SweepClaimLostException">Another worker owns the run now.</exception>
    public void Report(ProgressSnapshot snapshot)
    {
        context.ThrowIfClaimLost();
        inner.Report(snapshot);
    }

    /// <inheritdoc />
    /// <exception cref="SweepClaimLostException">Another worker owns the run now.</exception>
    public void Note(string message)
    {
        context.ThrowIfClaimLost();
        inner.Note(message);
    }
}
