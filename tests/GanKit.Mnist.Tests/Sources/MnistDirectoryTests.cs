using GanKit.Mnist.Sources;
using GanKit.Mnist.Tests.TestSupport;
using GanKit.TestSupport;

namespace GanKit.Mnist.Tests.Sources;

public sealed class MnistDirectoryTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "gankit-dirs"));

    [Fact]
    public void An_explicit_directory_wins_over_the_environment()
    {
        var env = Environment(("GANKIT_DATA", Path.Combine(Root, "data")), ("XDG_CACHE_HOME", Path.Combine(Root, "xdg")));

        MnistDirectory.Resolve(Path.Combine(Root, "mine"), env).Should().Be(Path.Combine(Root, "mine"));
    }

    [Fact]
    public void GANKIT_DATA_comes_next_with_an_mnist_subfolder()
    {
        var env = Environment(("GANKIT_DATA", Path.Combine(Root, "data")), ("XDG_CACHE_HOME", Path.Combine(Root, "xdg")));

        MnistDirectory.Resolve(null, env).Should().Be(Path.Combine(Root, "data", "mnist"));
    }

    [Fact]
    public void Then_XDG_CACHE_HOME()
    {
        MnistDirectory.Resolve(null, Environment(("XDG_CACHE_HOME", Path.Combine(Root, "xdg"))))
            .Should().Be(Path.Combine(Root, "xdg", "gankit", "mnist"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("relative/cache")]
    public void Then_the_home_cache_when_XDG_CACHE_HOME_is_unset_or_relative(string? xdg)
    {
        string home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);

        MnistDirectory.Resolve(null, Environment(("XDG_CACHE_HOME", xdg)))
            .Should().Be(Path.Combine(home, ".cache", "gankit", "mnist"));
    }

    [Fact]
    public void Raw_files_are_preferred_to_gzip_and_gzip_is_found_alone()
    {
        using var dir = new TempDirectory();
        IdxFiles.Write(dir.Path, "a-idx1-ubyte", IdxFiles.Labels(1), gzip: true);
        MnistDirectory.Find(dir.Path, "a-idx1-ubyte").Should().Be(dir.Combine("a-idx1-ubyte.gz"));

        IdxFiles.Write(dir.Path, "a-idx1-ubyte", IdxFiles.Labels(1));
        MnistDirectory.Find(dir.Path, "a-idx1-ubyte").Should().Be(dir.Combine("a-idx1-ubyte"));
        MnistDirectory.Find(dir.Path, "b-idx1-ubyte").Should().BeNull();
    }

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public async Task A_fifo_named_like_an_idx_file_is_refused_at_once_instead_of_hanging_the_loader()
    {
        using var dir = new TempDirectory();
        string fifo = dir.Combine(MnistFiles.TestImages);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0, "the test needs mkfifo (coreutils)");
        }

        var load = Task.Run(() => MnistDirectory.Find(dir.Path, MnistFiles.TestImages));

        (await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(10)))).Should().BeSameAs(load, "finding the file must not block on the FIFO");
        (await FluentActions.Awaiting(() => load).Should().ThrowAsync<InvalidDataException>())
            .Which.Message.Should().Contain(fifo).And.Contain("not a regular file");
        MnistDirectory.Find(dir.Path, MnistFiles.TestLabels).Should().BeNull();
    }
}
