namespace GanKit.Benchmarks.Training;

/// <summary>One side of the throughput comparison.</summary>
public interface ITrainingLoop : IDisposable
{
    /// <summary>Runs <paramref name="batches"/> training steps.</summary>
    /// <param name="batches">Steps to run.</param>
    /// <returns>Wall time and process CPU time (all threads) of the steps, in seconds.</returns>
    RoundTime RunRound(int batches);
}

/// <summary>How long a round took.</summary>
/// <param name="WallSeconds">Elapsed wall-clock time.</param>
/// <param name="CpuSeconds">
/// Processor time of the whole process over the same span. On a machine shared with other work it
/// varies less than wall time, because time spent waiting for a core is not counted.
/// </param>
public readonly record struct RoundTime(double WallSeconds, double CpuSeconds);
