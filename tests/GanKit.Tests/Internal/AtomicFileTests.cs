using GanKit.Internal;
using GanKit.TestSupport;

namespace GanKit.Tests.Internal;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("metrics.csv");
        AtomicFile.WriteAllText(path, "old");

        var act = () => AtomicFile.Write(path, stream =>
        {
            stream.Write("half"u8);
            throw new IOException("disk full");
        });

        act.Should().Throw<IOException>().WithMessage("disk full");
        File.ReadAllText(path).Should().Be("old");
        Directory.GetFiles(dir.Path).Should().ContainSingle();
    }

    [Fact]
    public void Concurrent_writers_of_one_file_never_leave_a_mixed_or_partial_file()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("history.json");
        string[] texts = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 100_000)).ToArray();

        Parallel.For(0, 64, i => AtomicFile.WriteAllText(path, texts[i % texts.Length]));

        texts.Should().Contain(File.ReadAllText(path));
        Directory.GetFiles(dir.Path).Should().ContainSingle();
    }

    [Fact]
    public void TryCreate_writes_only_the_first_time_and_creates_the_folder()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("claims", "run-0001.json");

        AtomicFile.TryCreate(path, "first").Should().BeTrue();
        AtomicFile.TryCreate(path, "second").Should().BeFalse();

        File.ReadAllText(path).Should().Be("first");
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().ContainSingle();
    }
}
