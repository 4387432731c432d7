using GanKit.Runtime;

namespace GanKit.Tests.Runtime;

/// <summary>The diagnosis of an external-libtorch build (-p:TorchBackend=external): what is missing from the search path and what to set.</summary>
public class ExternalBackendDiagnosisTests
{
    private const string TorchSharpText = "This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64.";

    [Fact]
    public void No_native_files_next_to_the_app_is_an_external_build()
    {
        External(searchPath: null).IsExternalBackend.Should().BeTrue();
        (External(searchPath: null) with { LibTorchSharpNextToApp = true }).IsExternalBackend.Should().BeFalse("the TorchSharp package put its LibTorchSharp there");
        (External(searchPath: null) with { NativeLibTorchFound = true }).IsExternalBackend.Should().BeFalse("a backend package put libtorch there");
    }

    [Fact]
    public void Missing_libtorch_names_the_search_path_and_both_folders_to_put_on_it()
    {
        var facts = External(searchPath: "/opt/elsewhere");

        TorchRuntimeDiagnosis.Classify(facts).Should().Be(TorchRuntimeDiagnosis.Cause.ExternalLibTorchNotFound);
        string message = TorchRuntimeDiagnosis.BuildMessage(facts);
        message.Should().Contain("external-libtorch build").And.Contain("LD_LIBRARY_PATH (/opt/elsewhere)");
        message.Should().Contain("libtorch's lib folder").And.Contain("torch.__file__").And.Contain("scripts/gpu/build-libtorchsharp.sh");
        message.Should().NotContain("TorchSharp-cpu", "adding a package is not the fix for a build that brings its own libtorch");
        message.Should().EndWith("TorchSharp said: " + TorchSharpText);
    }

    [Fact]
    public void Unset_search_path_is_reported_as_unset()
    {
        TorchRuntimeDiagnosis.BuildMessage(External(searchPath: null)).Should().Contain("LD_LIBRARY_PATH (unset)");
    }

    [Fact]
    public void Libtorch_without_libtorchsharp_asks_for_a_libtorchsharp_built_against_it()
    {
        var facts = External(searchPath: "/torch/lib") with { LibTorchOnSearchPath = "/torch/lib" };

        TorchRuntimeDiagnosis.Classify(facts).Should().Be(TorchRuntimeDiagnosis.Cause.ExternalLibTorchSharpNotFound);
        string message = TorchRuntimeDiagnosis.BuildMessage(facts);
        message.Should().Contain("has libtorch (/torch/lib) but no LibTorchSharp");
        message.Should().Contain("scripts/gpu/build-libtorchsharp.sh").And.Contain("add the out folder to LD_LIBRARY_PATH");
        message.Should().Contain("Never pair the LibTorchSharp of the TorchSharp package with another libtorch");
    }

    [Fact]
    public void Both_found_but_failing_points_at_a_mismatched_build()
    {
        var facts = External(searchPath: "/ts:/torch/lib") with { LibTorchOnSearchPath = "/torch/lib", LibTorchSharpOnSearchPath = "/ts" };

        TorchRuntimeDiagnosis.Classify(facts).Should().Be(TorchRuntimeDiagnosis.Cause.Other);
        TorchRuntimeDiagnosis.BuildMessage(facts).Should().Contain("libtorch in /torch/lib and LibTorchSharp in /ts").And.Contain("rebuild it");
    }

    [Fact]
    public void An_old_libstdcxx_is_not_blamed_in_an_external_build()
    {
        // GLIBCXX_3.4.32 is what the package's prebuilt library needs; a local build needs the local compiler's.
        var facts = External(searchPath: null) with { LibStdCxxHasRequiredVersion = false };

        TorchRuntimeDiagnosis.Classify(facts).Should().Be(TorchRuntimeDiagnosis.Cause.ExternalLibTorchNotFound);
    }

    [Theory]
    [InlineData("Linux", "LD_LIBRARY_PATH")]
    [InlineData("macOS", "DYLD_LIBRARY_PATH")]
    [InlineData("Windows", "PATH")]
    public void The_search_path_variable_follows_the_operating_system(string os, string variable)
    {
        var facts = External(searchPath: null) with { OperatingSystem = os };

        facts.SearchPathVariable.Should().Be(variable);
        TorchRuntimeDiagnosis.BuildMessage(facts).Should().Contain($"on {variable} (unset)");
    }

    private static TorchRuntimeFacts External(string? searchPath) =>
        new("Linux", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", true, NativeLibTorchFound: false, TorchSharpText, LibTorchSharpNextToApp: false, SearchPath: searchPath);
}
