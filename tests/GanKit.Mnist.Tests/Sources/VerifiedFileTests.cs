using System.Diagnostics;
using GanKit.TestSupport;
using GanKit.Mnist.Sources;
using GanKit.Mnist.Tests.TestSupport;

namespace GanKit.Mnist.Tests.Sources;

/// <summary>What a download may write before its hash is checked, and what a killed one leaves behind.</summary>
public sealed class VerifiedFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SyntheticMnist _mnist = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_gzip_that_inflates_past_the_files_size_is_stopped_there()
    {
        // 64 MiB of zeros compress to about 64 KiB: a small download that would fill a disk.
        byte[] bomb = IdxFiles.Gzip(new byte[64 << 20]);

        var act = () => VerifiedFile.StoreAsync(new MemoryStream(bomb), _dir.Path, MnistFiles.TestLabels, null, MnistFiles.Sizes[MnistFiles.TestLabels], "test mirror", CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("more than the 10008 bytes");
        _dir.FileNames().Should().BeEmpty("neither the file nor its temporary is kept");
    }

    [Fact]
    public async Task A_stream_longer_than_any_compressed_copy_of_the_file_is_cut_off()
    {
        var endless = new RandomBytes(64 << 20);

        var act = () => VerifiedFile.StoreAsync(endless, _dir.Path, MnistFiles.TestLabels, null, 10_008, "test mirror", CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("sent more than");
        endless.Served.Should().BeLessThan(1 << 20, "reading stops at the bound, not at the stream's end");
    }

    [Fact]
    public void The_real_files_sizes_are_known_only_while_their_real_hashes_are_checked()
    {
        var options = new MnistLoadOptions();
        options.ExpectedSizeFor(MnistFiles.TrainImages).Should().Be(47_040_016);
        options.ExpectedSizeFor(MnistFiles.TestLabels).Should().Be(10_008);
        _mnist.Options(_dir.Path).ExpectedSizeFor(MnistFiles.TestImages).Should().BeNull("synthetic files have their own size");
        new MnistLoadOptions { VerifyHashes = false }.ExpectedSizeFor(MnistFiles.TrainImages).Should().BeNull();
    }

    [Fact]
    public void Temporaries_left_by_a_killed_download_are_removed_by_the_next_load()
    {
        string abandoned = _dir.Combine($".{MnistFiles.TestImages}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(abandoned, new byte[1000]);
        using var server = LoopbackServer.Serving(_mnist.ContentOf);
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [server.BaseAddress];

        using (MnistDataset.Load(MnistSplit.Test, options))
        {
        }

        File.Exists(abandoned).Should().BeFalse();
        _dir.FileNames().Should().Equal("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    }

    [Fact]
    public void A_folder_that_cannot_be_written_fails_at_once_with_the_real_cause()
    {
        // sysfs refuses new files even to root, so this holds whoever runs the tests.
        const string unwritable = "/sys/kernel/mm";
        Directory.Exists(unwritable).Should().BeTrue("the test needs Linux's sysfs");
        var options = _mnist.Options(unwritable);
        options.Mirrors = [new Uri("http://127.0.0.1:9/")];
        var clock = Stopwatch.StartNew();

        var error = FluentActions.Invoking(() => MnistDataset.Load(MnistSplit.Test, options)).Should().Throw<MnistUnavailableException>().Which;

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "waiting cannot make a folder writable");
        error.Message.Should().Contain(MnistFiles.TestImages).And.Contain("cannot be written").And.Contain("writable folder")
            .And.NotContain("another process");
    }

    private sealed class RandomBytes(long length) : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - Served);
            Random.Shared.NextBytes(buffer.AsSpan(offset, n));
            Served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
