using System.Text;

namespace GanKit.Runtime;

/// <summary>
/// Turns what was observed about a failed TorchSharp load into a message naming the cause and the
/// fix. Pure, so every case can be tested on a machine where TorchSharp works.
/// </summary>
internal static class TorchRuntimeDiagnosis
{
    /// <summary>The cause GanKit assigns to a failed load.</summary>
    public enum Cause
    {
        /// <summary>The system's libstdc++ is older than TorchSharp's native library needs.</summary>
        LibStdCxxTooOld,

        /// <summary>No native libtorch lies next to the application: no backend package is referenced.</summary>
        MissingBackendPackage,

        /// <summary>An external-libtorch build (no native TorchSharp files next to the app) and no libtorch on the library search path.</summary>
        ExternalLibTorchNotFound,

        /// <summary>An external-libtorch build whose library search path has libtorch but no LibTorchSharp built against it.</summary>
        ExternalLibTorchSharpNotFound,

        /// <summary>None of the above; TorchSharp's own message is passed on.</summary>
        Other,
    }

    /// <summary>
    /// Decides the cause from the facts. An external-libtorch build is judged by its search path (the
    /// libstdc++ rule is about the prebuilt library it does not use); otherwise an old libstdc++ wins,
    /// because TorchSharp then reports a missing package even when it is there.
    /// </summary>
    /// <param name="facts">What was observed.</param>
    /// <returns>The cause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    public static Cause Classify(TorchRuntimeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.IsExternalBackend)
        {
            return facts.LibTorchOnSearchPath is null ? Cause.ExternalLibTorchNotFound
                : facts.LibTorchSharpOnSearchPath is null ? Cause.ExternalLibTorchSharpNotFound
                : Cause.Other;
        }

        if (facts.OperatingSystem == "Linux" && facts.LibStdCxxHasRequiredVersion == false)
        {
            return Cause.LibStdCxxTooOld;
        }

        return facts.NativeLibTorchFound ? Cause.Other : Cause.MissingBackendPackage;
    }

    /// <summary>Builds the message for a failed load.</summary>
    /// <param name="facts">What was observed.</param>
    /// <returns>The message: cause first, then the fix, then TorchSharp's own message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    public static string BuildMessage(TorchRuntimeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = new StringBuilder("TorchSharp's native library could not be loaded. ");
        switch (Classify(facts))
        {
            case Cause.LibStdCxxTooOld:
                text.Append($"Cause: the system's libstdc++ ({facts.LibStdCxxPath ?? "libstdc++.so.6"}) lacks {TorchRuntime.RequiredGlibcxxVersion}, which TorchSharp {TorchRuntime.TorchSharpVersion}'s native library needs (GCC 13 or newer: Debian 13+, Ubuntu 24.04+). ");
                text.Append("TorchSharp then wrongly reports a missing backend package. ");
                text.Append("Fix: run scripts/install-prerequisites.sh from the GanKit repository (on Debian 12, as root, it installs Debian 13's libstdc++6), or install a libstdc++6 from GCC 13 or newer.");
                break;
            case Cause.MissingBackendPackage:
                text.Append("Cause: no native libtorch was found next to the application, so it references no TorchSharp backend package (GanKit references TorchSharp only and leaves the choice to the app). ");
                text.Append("Fix: add exactly one backend package to the application project, <PackageReference Include=\"TorchSharp-cpu\" /> for the CPU or a CUDA one such as TorchSharp-cuda-linux / TorchSharp-cuda-windows, at TorchSharp's version, then rebuild.");
                if (facts.OperatingSystem == "Linux" && facts.LibStdCxxHasRequiredVersion is null)
                {
                    text.Append($" Also check that libstdc++ provides {TorchRuntime.RequiredGlibcxxVersion} (scripts/install-prerequisites.sh does).");
                }

                break;
            case Cause.ExternalLibTorchNotFound:
                text.Append($"Cause: this is an external-libtorch build (no backend package and no LibTorchSharp next to the application, as -p:TorchBackend=external builds it), and no libtorch_cpu library is on {facts.SearchPathVariable} ({facts.SearchPath ?? "unset"}). ");
                text.Append($"Fix: set {facts.SearchPathVariable} to libtorch's lib folder (for a pip torch: python3 -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), \"lib\"))') and to the folder of a LibTorchSharp built against that libtorch (scripts/gpu/build-libtorchsharp.sh), e.g. {facts.SearchPathVariable}=<LibTorchSharp folder>{Path.PathSeparator}<torch>/lib.");
                break;
            case Cause.ExternalLibTorchSharpNotFound:
                text.Append($"Cause: this is an external-libtorch build and {facts.SearchPathVariable} has libtorch ({facts.LibTorchOnSearchPath}) but no LibTorchSharp. ");
                text.Append($"Fix: build LibTorchSharp against that libtorch with scripts/gpu/build-libtorchsharp.sh <TorchSharp {TorchRuntime.TorchSharpVersion} source> <torch folder> <out folder> and add the out folder to {facts.SearchPathVariable}. ");
                text.Append("Never pair the LibTorchSharp of the TorchSharp package with another libtorch: it loads and then computes different numbers.");
                break;
            default:
                if (facts.IsExternalBackend)
                {
                    text.Append($"Cause: not one GanKit recognises (an external-libtorch build with libtorch in {facts.LibTorchOnSearchPath} and LibTorchSharp in {facts.LibTorchSharpOnSearchPath}). ");
                    text.Append("Fix: check that this LibTorchSharp was built against this libtorch (rebuild it with scripts/gpu/build-libtorchsharp.sh), and see TorchSharp's message below.");
                    break;
                }

                text.Append("Cause: not one GanKit recognises (libstdc++ and a native libtorch look fine). ");
                text.Append("Fix: check that the backend package matches TorchSharp's version and your platform (x64), and see TorchSharp's message below.");
                break;
        }

        text.Append(" TorchSharp said: ").Append(facts.TorchSharpMessage);
        return text.ToString();
    }
}
