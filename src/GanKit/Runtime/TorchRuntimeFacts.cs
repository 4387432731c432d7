namespace GanKit.Runtime;

/// <summary>What GanKit observed when TorchSharp's native library failed to load.</summary>
/// <param name="OperatingSystem">A short name of the operating system (<c>Linux</c>, <c>Windows</c>, <c>macOS</c>).</param>
/// <param name="LibStdCxxPath">The libstdc++.so.6 the process uses (Linux only), or null when none was found.</param>
/// <param name="LibStdCxxHasRequiredVersion">Whether that file provides <see cref="TorchRuntime.RequiredGlibcxxVersion"/>; null when unknown.</param>
/// <param name="NativeLibTorchFound">Whether a native libtorch library lies next to the application (in its folder or <c>runtimes/*/native</c>).</param>
/// <param name="TorchSharpMessage">The message of TorchSharp's own exception.</param>
internal sealed record TorchRuntimeFacts(
    string OperatingSystem,
    string? LibStdCxxPath,
    bool? LibStdCxxHasRequiredVersion,
    bool NativeLibTorchFound,
    string TorchSharpMessage);
