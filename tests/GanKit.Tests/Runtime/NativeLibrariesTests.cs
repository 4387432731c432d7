using GanKit.Runtime;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using TorchSharp;

namespace GanKit.Tests.Runtime;

public class NativeLibrariesTests
{
    [Theory]
    [InlineData("libtorch_cpu.so", "torch_cpu", true)]
    [InlineData("libtorch_cpu.so.2.6", "torch_cpu", true)]
    [InlineData("torch_cpu.dll", "torch_cpu", true)]
    [InlineData("libtorch_cuda.so", "torch_cpu", false)]
    [InlineData("libtorch_cpu_extra.so", "torch_cpu", false)]
    [InlineData("libLibTorchSharp.so", "LibTorchSharp", true)]
    [InlineData("LibTorchSharp.dll", "LibTorchSharp", true)]
    public void A_library_is_recognised_by_its_stem(string fileName, string stem, bool expected) =>
        NativeLibraries.Is(fileName, stem).Should().Be(expected);

    [Fact]
    public void The_first_search_path_folder_holding_the_library_is_found()
    {
        using var dir = new TempDirectory();
        string empty = Directory.CreateDirectory(Path.Combine(dir.Path, "empty")).FullName;
        string first = Directory.CreateDirectory(Path.Combine(dir.Path, "first")).FullName;
        string second = Directory.CreateDirectory(Path.Combine(dir.Path, "second")).FullName;
        File.WriteAllText(Path.Combine(first, "libtorch_cpu.so"), string.Empty);
        File.WriteAllText(Path.Combine(second, "libtorch_cpu.so"), string.Empty);
        File.WriteAllText(Path.Combine(second, "libLibTorchSharp.so"), string.Empty);
        string path = string.Join(Path.PathSeparator, empty, Path.Combine(dir.Path, "missing"), first, second);

        NativeLibraries.OnSearchPath(path, "torch_cpu").Should().Be(first);
        NativeLibraries.OnSearchPath(path, "LibTorchSharp").Should().Be(second);
        NativeLibraries.OnSearchPath(empty, "torch_cpu").Should().BeNull();
        NativeLibraries.OnSearchPath(null, "torch_cpu").Should().BeNull();
    }

    [Fact]
    public void The_mapped_path_is_read_from_a_memory_map()
    {
        string[] maps =
        [
            "7f0000000000-7f0000001000 r-xp 00000000 08:01 123 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33",
            "7f0000002000-7f0000003000 r-xp 00000000 08:01 456 /opt/torch/lib/libtorch_cpu.so",
            "7f0000004000-7f0000005000 rw-p 00000000 00:00 0 ",
        ];

        NativeLibraries.MappedIn(maps, "torch_cpu").Should().Be("/opt/torch/lib/libtorch_cpu.so");
        NativeLibraries.MappedIn(maps, "LibTorchSharp").Should().BeNull();
    }

    [Fact]
    public void Describe_names_the_libtorch_this_process_loaded()
    {
        var info = TorchRuntime.Describe();

        info.CudaAvailable.Should().Be(torch.cuda.is_available());
        if (OperatingSystem.IsLinux())
        {
            File.Exists(info.LibTorchPath).Should().BeTrue($"'{info.LibTorchPath}' is the mapped libtorch_cpu");
            File.Exists(info.LibTorchSharpPath).Should().BeTrue($"'{info.LibTorchSharpPath}' is the mapped LibTorchSharp");
            bool shipped = info.LibTorchSharpPath!.StartsWith(Path.GetFullPath(AppContext.BaseDirectory), StringComparison.Ordinal);
            info.IsExternalBackend.Should().Be(!shipped);
            info.ToString().Should().Contain(info.LibTorchPath!).And.Contain(info.CudaAvailable ? "CUDA usable" : "CUDA not usable");
        }
    }
}
