namespace GanKit.Runtime;

/// <summary>What GanKit observed when TorchSharp's native library failed to load.</summary>
/// <param name="OperatingSystem">A short name of the operating system (<c>Linux</c>, <c>Windows</c>, <c>macOS</c>).</param>
/// <param name="LibStdCxxPath">The libstdc++.so.6 the process uses (Linux only), or null when none was found.</param>
/// <param name="LibStdCxxHasRequiredVersion">Whether that file provides <see cref="TorchRuntime.RequiredGlibcxxVersion"/>; null when unknown.</param>
/// <param name="NativeLibTorchFound">Whether a native libtorch library lies next to the application (in its folder or <c>runtimes/*/native</c>).</param>
/// <param name="TorchSharpMessage">The message of TorchSharp's own exception.</param>
/// <param name="LibTorchSharpNextToApp">Whether TorchSharp's own native library (LibTorchSharp) lies next to the application. Neither it nor libtorch there means an external-libtorch build (<c>-p:TorchBackend=external</c>).</param>
/// <param name="SearchPath">The library search path (<c>LD_LIBRARY_PATH</c>, <c>DYLD_LIBRARY_PATH</c> or <c>PATH</c>), or null when unset.</param>
/// <param name="LibTorchOnSearchPath">The folder on <paramref name="SearchPath"/> holding libtorch_cpu, or null when none does.</param>
/// <param name="LibTorchSharpOnSearchPath">The folder on <paramref name="SearchPath"/> holding LibTorchSharp, or null when none does.</param>
internal sealed record TorchRuntimeFacts(
    string OperatingSystem,
    string? LibStdCxxPath,
    bool? LibStdCxxHasRequiredVersion,
    bool NativeLibTorchFound,
    string TorchSharpMessage,
    bool LibTorchSharpNextToApp = true,
    string? SearchPath = null,
    string? LibTorchOnSearchPath = null,
    string? LibTorchSharpOnSearchPath = null)
{
    /// <summary>Gets whether the application ships no native TorchSharp files at all: an external-libtorch build.</summary>
    public bool IsExternalBackend => !NativeLibTorchFound && !LibTorchSharpNextToApp;

    /// <summary>Gets the name of the variable that holds the library search path on this operating system.</summary>
    public string SearchPathVariable => OperatingSystem switch
    {
        "Windows" => "PATH",
        "macOS" => "DYLD_LIBRARY_PATH",
        _ => "LD_LIBRARY_PATH",
    };
}
