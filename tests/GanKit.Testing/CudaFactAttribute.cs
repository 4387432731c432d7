using TorchSharp;

namespace GanKit.Testing;

/// <summary>
/// A fact that needs a CUDA device. Skipped, with the reason, where libtorch sees none: on a build
/// that references TorchSharp-cpu, or on a machine without a GPU. Tag the class with
/// <c>[Trait("Category", "Cuda")]</c> so <c>--filter Category=Cuda</c> selects these tests.
/// </summary>
public sealed class CudaFactAttribute : FactAttribute
{
    /// <summary>Skips the test when CUDA is not available.</summary>
    public CudaFactAttribute()
    {
        if (CudaAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Whether this test process can use CUDA, asked once.</summary>
public static class CudaAvailability
{
    private static readonly Lazy<string?> Reason = new(Probe);

    /// <summary>Gets why CUDA tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Reason.Value;

    private static string? Probe()
    {
        try
        {
            return torch.cuda.is_available()
                ? null
                : "CUDA is not available here (torch.cuda.is_available() is false: a TorchSharp-cpu build or no GPU); scripts/gpu/run-offline.sh runs these tests on a GPU machine.";
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return $"CUDA is not available here: TorchSharp could not be initialised ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}).";
        }
    }
}
