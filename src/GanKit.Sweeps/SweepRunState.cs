namespace GanKit.Sweeps;

/// <summary>Where one run of a sweep stands, as read from its folder.</summary>
public enum SweepRunState
{
    /// <summary>No worker has started it.</summary>
    NotStarted,

    /// <summary>A worker holds a live claim on it.</summary>
    Running,

    /// <summary>A worker started it and stopped (killed, cancelled or its lease ran out) without finishing; the next worker resumes it.</summary>
    Interrupted,

    /// <summary>Its <c>summary.json</c> is present and valid.</summary>
    Finished,

    /// <summary>It ended with an error, recorded in <c>failed.json</c>.</summary>
    Failed,
}
