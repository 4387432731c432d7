using System.Diagnostics;
using GanKit.TestSupport;

namespace GanKit.Samples.Tests.Scripts;

/// <summary>
/// The scripts in scripts/gpu refuse bad input with one line and exit code 2 before doing any work
/// (no native build, no bundle, no unpacking), so these run in seconds anywhere bash does.
/// </summary>
public sealed class GpuScriptArgumentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("build-libtorchsharp.sh")]
    [InlineData("make-bundle.sh")]
    [InlineData("run-offline.sh")]
    public void No_arguments_print_the_usage_on_one_line(string script)
    {
        var (code, text) = Run(script);

        code.Should().Be(2);
        OneLine(text).Should().Contain("usage: " + script);
    }

    [Fact]
    public void Build_names_a_missing_torchsharp_source_and_how_to_get_it()
    {
        var (code, text) = Run("build-libtorchsharp.sh", Missing("ts"), _temp.Path, Missing("out"));

        code.Should().Be(2);
        OneLine(text).Should().Contain(Missing("ts")).And.Contain("dotnet/TorchSharp").And.Contain("c20b6a1c");
    }

    [Fact]
    public void Build_names_a_missing_libtorch_folder()
    {
        var (code, text) = Run("build-libtorchsharp.sh", FakeSource(), Missing("torch"), Missing("out"));

        code.Should().Be(2);
        OneLine(text).Should().Contain($"libtorch folder '{Missing("torch")}' does not exist").And.Contain("torch.__file__");
    }

    [Fact]
    public void Build_names_what_a_folder_without_libtorch_lacks()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_temp.Path, "empty")).FullName;

        var (code, text) = Run("build-libtorchsharp.sh", FakeSource(), empty, Missing("out"));

        code.Should().Be(2);
        OneLine(text).Should().Contain("no libtorch headers").And.Contain("torch.h");
    }

    [Theory]
    [InlineData("2.14.0+cu130")]
    [InlineData("2.5.1")]
    [InlineData("1.13.1")]
    public void Build_refuses_a_libtorch_version_it_cannot_build_against(string version)
    {
        var (code, text) = Run("build-libtorchsharp.sh", FakeSource(), FakeTorch(version), Missing("out"));

        code.Should().Be(2);
        OneLine(text).Should().Contain($"libtorch {version} is not supported").And.Contain("2.6 to 2.11");
        Directory.Exists(Missing("out")).Should().BeFalse("nothing is built or written after a refusal");
    }

    [Fact]
    public void Bundle_names_a_missing_torchsharp_source()
    {
        var (code, text) = Run("make-bundle.sh", Missing("ts"), Path.Combine(_temp.Path, "bundle.tar.xz"));

        code.Should().Be(2);
        OneLine(text).Should().Contain(Missing("ts")).And.Contain("dotnet/TorchSharp");
    }

    [Fact]
    public void Offline_run_names_a_missing_bundle_and_how_to_make_one()
    {
        var (code, text) = Run("run-offline.sh", Missing("bundle.tar.xz"), Missing("out"));

        code.Should().Be(2);
        OneLine(text).Should().Contain(Missing("bundle.tar.xz")).And.Contain("make-bundle.sh");
    }

    [Fact]
    public void Offline_run_refuses_an_unknown_mode()
    {
        var (code, text) = Run("run-offline.sh", Bundle(), Missing("out"), "benchmark");

        code.Should().Be(2);
        OneLine(text).Should().Contain("mode must be 'tests' or 'experiment'; got 'benchmark'");
    }

    [Fact]
    public void Offline_run_names_a_missing_python()
    {
        var (code, text) = Run("run-offline.sh", [Bundle(), Missing("out")], ("PYTHON", Missing("python3")));

        code.Should().Be(2);
        OneLine(text).Should().Contain($"no Python at '{Missing("python3")}'").And.Contain("TORCH_DIR");
    }

    [Fact]
    public void Offline_run_names_a_missing_libtorch_folder()
    {
        var (code, text) = Run("run-offline.sh", [Bundle(), Missing("out")], ("TORCH_DIR", Missing("torch")));

        code.Should().Be(2);
        OneLine(text).Should().Contain($"TORCH_DIR '{Missing("torch")}' does not exist");
    }

    [Fact]
    public void Offline_run_on_cuda_names_the_missing_cuda_libraries()
    {
        string torch = FakeTorch("2.11.0");

        var (code, text) = Run("run-offline.sh", [Bundle(), Missing("out")], ("TORCH_DIR", torch), ("DEVICE", "cuda"));

        code.Should().Be(2);
        OneLine(text).Should().Contain("libtorch_cuda.so is missing").And.Contain("CUDA build of torch");
        Directory.Exists(Missing("out")).Should().BeFalse("bad input is refused before anything is unpacked");
    }

    private static string OneLine(string text)
    {
        text.TrimEnd('\n').Should().NotContain("\n", "bad input gets one line, not a trace");
        return text;
    }

    private string Missing(string name) => Path.Combine(_temp.Path, "missing", name);

    private string Bundle()
    {
        string path = Path.Combine(_temp.Path, "bundle.tar.xz");
        File.WriteAllText(path, string.Empty);
        return path;
    }

    private string FakeSource()
    {
        string root = Path.Combine(_temp.Path, "torchsharp");
        Directory.CreateDirectory(Path.Combine(root, "src", "Native", "LibTorchSharp"));
        return root;
    }

    // The layout of a pip torch's torch/ folder, with empty files: enough for the checks that come before compiling.
    private string FakeTorch(string version)
    {
        string root = Path.Combine(_temp.Path, "torch-" + version);
        string api = Directory.CreateDirectory(Path.Combine(root, "include", "torch", "csrc", "api", "include", "torch")).FullName;
        File.WriteAllText(Path.Combine(api, "torch.h"), string.Empty);
        Directory.CreateDirectory(Path.Combine(root, "lib"));
        File.WriteAllText(Path.Combine(root, "lib", "libtorch_cpu.so"), string.Empty);
        File.WriteAllText(Path.Combine(root, "version.py"), $"__version__ = '{version}'\n");
        return root;
    }

    private static (int Code, string Text) Run(string script, params string[] args) => Run(script, args, []);

    private static (int Code, string Text) Run(string script, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(ScriptsFolder(), script));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue($"{script} must refuse bad input at once");
        return (process.ExitCode, stdout.Result + stderr);
    }

    // scripts/gpu of the checkout (or of the offline bundle, which keeps the same layout) above the test assembly.
    private static string ScriptsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "scripts", "gpu");
            if (File.Exists(Path.Combine(candidate, "run-offline.sh")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No scripts/gpu above {AppContext.BaseDirectory}.");
    }
}
