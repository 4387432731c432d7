using GanKit.Runtime;

namespace GanKit.Tests.Runtime;

public class TorchRuntimeDiagnosisTests
{
    private const string TorchSharpText = "This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64.";

    [Fact]
    public void Old_libstdcxx_is_named_as_the_cause_even_when_libtorch_is_present()
    {
        var facts = new TorchRuntimeFacts("Linux", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", false, true, TorchSharpText);
        TorchRuntimeDiagnosis.Classify(facts).Should().Be(TorchRuntimeDiagnosis.Cause.LibStdCxxTooOld);
        string message = TorchRuntimeDiagnosis.BuildMessage(facts);
        message.Should().Contain("/usr/lib/x86_64-linux-gnu/libstdc++.so.6").And.Contain("GLIBCXX_3.4.32");
        message.Should().Contain("scripts/install-prerequisites.sh");
        message.Should().EndWith("TorchSharp said: " + TorchSharpText);
    }

    [Fact]
    public void Missing_native_libtorch_asks_for_a_backend_package()
    {
        var facts = new TorchRuntimeFacts("Linux", "/usr/lib/libstdc++.so.6", true, false, TorchSharpText);
        TorchRuntimeDiagnosis.Classify(facts).Should().Be(TorchRuntimeDiagnosis.Cause.MissingBackendPackage);
        string message = TorchRuntimeDiagnosis.BuildMessage(facts);
        message.Should().Contain("TorchSharp-cpu").And.Contain("CUDA").And.NotContain("lacks GLIBCXX");
    }

    [Fact]
    public void Missing_package_on_Windows_does_not_mention_libstdcxx()
    {
        var facts = new TorchRuntimeFacts("Windows", null, null, false, "boom");
        TorchRuntimeDiagnosis.Classify(facts).Should().Be(TorchRuntimeDiagnosis.Cause.MissingBackendPackage);
        TorchRuntimeDiagnosis.BuildMessage(facts).Should().NotContain("libstdc++");
    }

    [Fact]
    public void Unknown_libstdcxx_with_missing_package_suggests_checking_both()
    {
        var facts = new TorchRuntimeFacts("Linux", null, null, false, "boom");
        TorchRuntimeDiagnosis.BuildMessage(facts).Should().Contain("TorchSharp-cpu").And.Contain("GLIBCXX_3.4.32");
    }

    [Fact]
    public void Other_failures_pass_TorchSharp_message_on()
    {
        var facts = new TorchRuntimeFacts("Linux", "/lib/libstdc++.so.6", true, true, "undefined symbol: foo");
        TorchRuntimeDiagnosis.Classify(facts).Should().Be(TorchRuntimeDiagnosis.Cause.Other);
        TorchRuntimeDiagnosis.BuildMessage(facts).Should().Contain("not one GanKit recognises").And.EndWith("undefined symbol: foo");
    }

    [Fact]
    public void File_scan_finds_the_version_string_in_binary_content()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0, 1, .. "GLIBCXX_3.4.31\0GLIBCXX_3.4.32\0"u8.ToArray(), 255]);
            TorchRuntime.FileContains(path, "GLIBCXX_3.4.32").Should().BeTrue();
            TorchRuntime.FileContains(path, "GLIBCXX_3.4.33").Should().BeFalse();
            TorchRuntime.FileContains(path + ".missing", "GLIBCXX_3.4.32").Should().BeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Native_libtorch_is_found_next_to_the_app_or_under_runtimes()
    {
        string root = Directory.CreateTempSubdirectory().FullName;
        try
        {
            TorchRuntime.NativeLibTorchNextTo(root).Should().BeFalse();
            string native = Directory.CreateDirectory(Path.Combine(root, "runtimes", "linux-x64", "native")).FullName;
            File.WriteAllText(Path.Combine(native, "libLibTorchSharp.so"), string.Empty);
            TorchRuntime.NativeLibTorchNextTo(root).Should().BeFalse();
            File.WriteAllText(Path.Combine(native, "libtorch_cpu.so"), string.Empty);
            TorchRuntime.NativeLibTorchNextTo(root).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void On_this_machine_torch_loads_and_the_observed_facts_are_consistent()
    {
        FluentActions.Invoking(TorchRuntime.EnsureAvailable).Should().NotThrow();
        var facts = TorchRuntime.Observe("none");

        // A default build ships libtorch next to the tests; an external one (-p:TorchBackend=external)
        // ships nothing and must have found both libraries on the search path.
        facts.NativeLibTorchFound.Should().Be(!facts.IsExternalBackend);
        if (facts.IsExternalBackend)
        {
            facts.LibTorchOnSearchPath.Should().NotBeNull();
            facts.LibTorchSharpOnSearchPath.Should().NotBeNull();
            TorchRuntime.Describe().LibTorchPath.Should().StartWith(facts.LibTorchOnSearchPath);
        }

        if (OperatingSystem.IsLinux())
        {
            facts.LibStdCxxPath.Should().NotBeNull();
            facts.LibStdCxxHasRequiredVersion.Should().BeTrue();
        }
    }
}
