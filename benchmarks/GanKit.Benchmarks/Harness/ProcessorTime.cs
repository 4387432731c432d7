using System.Diagnostics;

namespace GanKit.Benchmarks.Harness;

/// <summary>The process's processor time, all threads (libtorch's intra-op pool included).</summary>
public static class ProcessorTime
{
    /// <summary>Reads the processor time used so far.</summary>
    /// <returns>Seconds of user and kernel time.</returns>
    public static double Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
