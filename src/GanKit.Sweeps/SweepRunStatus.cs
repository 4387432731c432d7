namespace GanKit.Sweeps;

/// <summary>One run and what its folder says about it.</summary>
public sealed class SweepRunStatus
{
    internal SweepRunStatus(SweepRun run, string directory, SweepRunState state, IReadOnlyDictionary<string, double>? metrics, string? detail)
    {
        Run = run;
        Directory = directory;
        State = state;
        Metrics = metrics ?? new Dictionary<string, double>();
        Detail = detail;
    }

    /// <summary>Gets the run.</summary>
    public SweepRun Run { get; }

    /// <summary>Gets the run's folder.</summary>
    public string Directory { get; }

    /// <summary>Gets the state.</summary>
    public SweepRunState State { get; }

    /// <summary>Gets the metric values of a finished run (empty otherwise).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>Gets the failure reason, the holder of a live claim, or why a summary is not valid; null when there is nothing to say.</summary>
    public string? Detail { get; }
}
