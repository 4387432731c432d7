using System.Globalization;

namespace GanKit.Runtime;

/// <summary>
/// The native runtime this process actually loaded: which libtorch and LibTorchSharp files (their
/// paths, read from the process's memory map, not from TorchSharp's version constant) and whether
/// CUDA is usable. <see cref="TorchRuntime.Describe"/> makes one.
/// </summary>
/// <param name="LibTorchPath">The loaded libtorch_cpu file, or null when unknown (off Linux).</param>
/// <param name="LibTorchSharpPath">The loaded LibTorchSharp file, or null when unknown.</param>
/// <param name="IsExternalBackend">True when neither file came from the application's own folder: an external-libtorch build.</param>
/// <param name="CudaAvailable">Whether libtorch can use a CUDA device.</param>
/// <param name="CudaDeviceCount">How many CUDA devices libtorch sees.</param>
public sealed record TorchRuntimeInfo(string? LibTorchPath, string? LibTorchSharpPath, bool IsExternalBackend, bool CudaAvailable, int CudaDeviceCount)
{
    /// <summary>One line for a log: the libtorch loaded, its LibTorchSharp and CUDA.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"libtorch {LibTorchPath ?? "(path unknown)"}, LibTorchSharp {LibTorchSharpPath ?? "(path unknown)"} ({(IsExternalBackend ? "external libtorch" : "backend package")}); CUDA {(CudaAvailable ? $"usable, {CudaDeviceCount} device(s)" : "not usable")}");
}
