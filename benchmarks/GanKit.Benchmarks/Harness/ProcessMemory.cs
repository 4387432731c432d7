using TorchSharp;

namespace GanKit.Benchmarks.Harness;

/// <summary>What the process holds: resident memory and TorchSharp's live tensors.</summary>
public static class ProcessMemory
{
    /// <summary>
    /// Reads the resident set size from <c>/proc/self/status</c> (Linux), which, unlike the
    /// managed heap size, includes libtorch's native tensor memory.
    /// </summary>
    /// <returns>Resident bytes, or the working set reported by .NET where <c>/proc</c> is absent.</returns>
    public static long ResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (string line in File.ReadLines(status))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    // "VmRSS:   123456 kB"
                    string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>Gets the number of TorchSharp tensor objects created and not yet disposed, process-wide.</summary>
    public static long LiveTensors => torch.Tensor.TotalCount;
}
