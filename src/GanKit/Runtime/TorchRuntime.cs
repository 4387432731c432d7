using System.Runtime.InteropServices;
using TorchSharp;

namespace GanKit.Runtime;

/// <summary>
/// Loads TorchSharp's native library up front and, when that fails, explains why in terms a user
/// can act on (TorchSharp's own message blames a missing package even when libstdc++ is the cause).
/// </summary>
public static class TorchRuntime
{
    /// <summary>The libstdc++ symbol version TorchSharp 0.107's native library needs.</summary>
    public const string RequiredGlibcxxVersion = "GLIBCXX_3.4.32";

    /// <summary>The TorchSharp version GanKit is built against.</summary>
    public const string TorchSharpVersion = "0.107.0";

    private static readonly string[] LibStdCxxCandidates =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    ];

    private static volatile bool available;

    /// <summary>
    /// Makes sure TorchSharp's CPU runtime is loaded; cheap after the first success. The builders
    /// call it, so a broken installation fails with a clear message before any tensor is made.
    /// </summary>
    /// <exception cref="TorchRuntimeUnavailableException">The native library cannot be loaded; the message names the cause and the fix.</exception>
    public static void EnsureAvailable()
    {
        if (available)
        {
            return;
        }

        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            available = true;
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            throw new TorchRuntimeUnavailableException(TorchRuntimeDiagnosis.BuildMessage(Observe(e.Message)), e);
        }
    }

    /// <summary>Gathers the facts <see cref="TorchRuntimeDiagnosis"/> needs about this machine.</summary>
    /// <param name="torchSharpMessage">The message of TorchSharp's exception.</param>
    /// <returns>The facts.</returns>
    internal static TorchRuntimeFacts Observe(string torchSharpMessage)
    {
        string os = OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : RuntimeInformation.OSDescription;
        string? libStdCxx = OperatingSystem.IsLinux() ? FindLibStdCxx() : null;
        bool? hasVersion = libStdCxx is null ? null : FileContains(libStdCxx, RequiredGlibcxxVersion);
        var facts = new TorchRuntimeFacts(os, libStdCxx, hasVersion, NativeLibTorchNextTo(AppContext.BaseDirectory), torchSharpMessage,
            LibTorchSharpNextToApp: NativeLibraries.NextTo(AppContext.BaseDirectory, n => NativeLibraries.Is(n, "LibTorchSharp")));
        string? searchPath = Environment.GetEnvironmentVariable(facts.SearchPathVariable);
        return facts with
        {
            SearchPath = searchPath,
            LibTorchOnSearchPath = NativeLibraries.OnSearchPath(searchPath, "torch_cpu"),
            LibTorchSharpOnSearchPath = NativeLibraries.OnSearchPath(searchPath, "LibTorchSharp"),
        };
    }

    /// <summary>
    /// Loads the runtime (as <see cref="EnsureAvailable"/>) and says which native files were loaded
    /// and whether CUDA is usable. Worth logging once per run: <c>torch.__version__</c> is a
    /// constant of the managed assembly and says nothing about the libtorch that is running.
    /// </summary>
    /// <returns>The description.</returns>
    /// <exception cref="TorchRuntimeUnavailableException">The native library cannot be loaded; the message names the cause and the fix.</exception>
    public static TorchRuntimeInfo Describe()
    {
        EnsureAvailable();
        bool cuda = torch.cuda.is_available();
        string? libTorch = NativeLibraries.Loaded("torch_cpu");
        string? libTorchSharp = NativeLibraries.Loaded("LibTorchSharp");
        string appFolder = Path.GetFullPath(AppContext.BaseDirectory);
        bool external = libTorchSharp is not null && !Path.GetFullPath(libTorchSharp).StartsWith(appFolder, StringComparison.Ordinal);
        return new TorchRuntimeInfo(libTorch, libTorchSharp, external, cuda, cuda ? torch.cuda.device_count() : 0);
    }

    /// <summary>Whether the bytes of <paramref name="path"/> contain the ASCII text <paramref name="text"/>; null when unreadable.</summary>
    internal static bool? FileContains(string path, string text)
    {
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            return bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(text)) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether a native libtorch library lies in <paramref name="directory"/> or its <c>runtimes/*/native</c> folders.</summary>
    internal static bool NativeLibTorchNextTo(string directory) =>
        NativeLibraries.NextTo(directory, name => name.StartsWith("libtorch", StringComparison.Ordinal) || name.StartsWith("torch_cpu", StringComparison.Ordinal) || name.StartsWith("torch_cuda", StringComparison.Ordinal));

    /// <summary>The libstdc++ the process has mapped, or else the first one in the usual places.</summary>
    private static string? FindLibStdCxx()
    {
        try
        {
            // The .NET runtime itself links libstdc++, so the loaded copy is the one libtorch gets.
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                int at = line.IndexOf('/', StringComparison.Ordinal);
                if (at >= 0 && line.Contains("libstdc++.so", StringComparison.Ordinal))
                {
                    return line[at..].Trim();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Fall back to the usual locations.
        }

        return LibStdCxxCandidates.FirstOrDefault(File.Exists);
    }
}
