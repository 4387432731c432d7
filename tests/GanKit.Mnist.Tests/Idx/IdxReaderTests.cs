using System.Diagnostics;
using GanKit.Mnist.Idx;
using GanKit.Mnist.Tests.TestSupport;
using GanKit.TestSupport;

namespace GanKit.Mnist.Tests.Idx;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Images_round_trip_raw_and_gzip(bool gzip)
    {
        byte[] content = IdxFiles.Images(count: 3, rows: 4, columns: 5);
        string path = IdxFiles.Write(_dir.Path, "imgs-idx3-ubyte", content, gzip);

        var data = IdxReader.Read(path, IdxReader.ImagesMagic);

        data.Dimensions.Should().Equal(3, 4, 5);
        data.Body.Should().Equal(IdxFiles.Pixels(3, 20));
        data.Sha256.Should().Be(IdxFiles.Sha256(content), "the hash covers the uncompressed bytes in both forms");
        data.Path.Should().Be(path);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Labels_round_trip_raw_and_gzip(bool gzip)
    {
        byte[] content = IdxFiles.Labels(12);
        string path = IdxFiles.Write(_dir.Path, "labels-idx1-ubyte", content, gzip);

        var data = IdxReader.Read(path, IdxReader.LabelsMagic);

        data.Dimensions.Should().Equal(12);
        data.Body.Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
        data.Sha256.Should().Be(IdxFiles.Sha256(content));
    }

    public static TheoryData<string, byte[], int, string> Malformed()
    {
        byte[] images = IdxFiles.Images(2, 3, 3);
        byte[] header = IdxFiles.Header(IdxReader.ImagesMagic, 2, 3, 3);
        return new TheoryData<string, byte[], int, string>
        {
            { "bad magic", [.. IdxFiles.Header(0x00000804, 2, 3, 3), .. new byte[18]], IdxReader.ImagesMagic, "0x00000804" },
            { "labels magic in an images file", IdxFiles.Labels(4), IdxReader.ImagesMagic, "0x00000801" },
            { "non-byte element type", [.. IdxFiles.Header(0x00000D03, 2, 3, 3), .. new byte[72]], IdxReader.ImagesMagic, "0x00000D03" },
            { "empty file", [], IdxReader.ImagesMagic, "holds 0" },
            { "truncated magic", [0, 0, 8], IdxReader.ImagesMagic, "holds 3" },
            { "truncated dimensions", header[..9], IdxReader.ImagesMagic, "holds 5" },
            { "truncated body", images[..^1], IdxReader.ImagesMagic, "truncated" },
            { "zero count", IdxFiles.Header(IdxReader.ImagesMagic, 0, 28, 28), IdxReader.ImagesMagic, "got 0" },
            { "zero rows", IdxFiles.Header(IdxReader.ImagesMagic, 2, 0, 28), IdxReader.ImagesMagic, "rows" },
            { "dimension above int range", IdxFiles.Header(IdxReader.ImagesMagic, 0xFFFFFFFF, 28, 28), IdxReader.ImagesMagic, "4294967295" },
            { "size beyond one array", IdxFiles.Header(IdxReader.ImagesMagic, 100_000_000, 28, 28), IdxReader.ImagesMagic, "most one array" },
            { "trailing data", [.. images, 42], IdxReader.ImagesMagic, "trailing" },
            { "labels truncated", IdxFiles.Labels(10)[..^3], IdxReader.LabelsMagic, "truncated" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_raw_file_is_InvalidDataException_naming_file_and_value(string problem, byte[] content, int magic, string expectedInMessage)
    {
        string path = IdxFiles.Write(_dir.Path, "bad-idx-ubyte", content);

        var act = () => IdxReader.Read(path, magic);

        act.Should().Throw<InvalidDataException>(problem)
            .Where(e => e.Message.Contains(path) && e.Message.Contains(expectedInMessage), $"the message should name the file and '{expectedInMessage}'");
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_gzip_file_is_InvalidDataException_naming_file_and_value(string problem, byte[] content, int magic, string expectedInMessage)
    {
        string path = IdxFiles.Write(_dir.Path, "bad-idx-ubyte", content, gzip: true);

        var act = () => IdxReader.Read(path, magic);

        act.Should().Throw<InvalidDataException>(problem)
            .Where(e => e.Message.Contains(path) && e.Message.Contains(expectedInMessage), $"the message should name the file and '{expectedInMessage}'");
    }

    [Fact]
    public void Corrupt_gzip_is_InvalidDataException_naming_file()
    {
        byte[] gzip = IdxFiles.Gzip(IdxFiles.Images(4, 28, 28));
        for (int i = 12; i < gzip.Length - 8; i++)
        {
            gzip[i] ^= 0x5A;
        }

        string path = _dir.Combine("corrupt-idx3-ubyte.gz");
        File.WriteAllBytes(path, gzip);

        var act = () => IdxReader.Read(path, IdxReader.ImagesMagic);

        act.Should().Throw<InvalidDataException>().Where(e => e.Message.Contains(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Huge_declared_count_in_a_1_KB_file_fails_fast_without_allocating(bool gzip)
    {
        // 2^21 images of 28x28 = 1.6 GB: inside one array's limit, so only the size check against
        // the bytes present stops it.
        byte[] content = [.. IdxFiles.Header(IdxReader.ImagesMagic, 1u << 21, 28, 28), .. new byte[1008]];
        string path = IdxFiles.Write(_dir.Path, "huge-idx3-ubyte", content, gzip);
        IdxReader.Read(IdxFiles.Write(_dir.Path, "warm-idx1-ubyte", IdxFiles.Labels(3)), IdxReader.LabelsMagic);

        Exception? error = null;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            IdxReader.Read(path, IdxReader.ImagesMagic);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        clock.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        error.Should().BeOfType<InvalidDataException>().Which.Message.Should().Contain("declares 1644167168 data bytes");
        allocated.Should().BeLessThan(1 << 20, "the body buffer must not be allocated for a size the file cannot hold");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Header_claiming_2_pow_31_images_is_rejected()
    {
        string path = IdxFiles.Write(_dir.Path, "big-idx3-ubyte", [.. IdxFiles.Header(IdxReader.ImagesMagic, 1u << 31, 28, 28), .. new byte[1008]]);

        var act = () => IdxReader.Read(path, IdxReader.ImagesMagic);

        act.Should().Throw<InvalidDataException>().Where(e => e.Message.Contains("count") && e.Message.Contains("2147483648"));
    }

    [Fact]
    public void Gzip_is_detected_from_content_not_name()
    {
        byte[] content = IdxFiles.Labels(7);
        string path = _dir.Combine("labels-idx1-ubyte");
        File.WriteAllBytes(path, IdxFiles.Gzip(content));

        IdxReader.Read(path, IdxReader.LabelsMagic).Dimensions.Should().Equal(7);
    }

    [Theory]
    [InlineData("train-labels-idx1-ubyte", IdxReader.LabelsMagic)]
    [InlineData("emnist-letters-train-labels-idx1-ubyte", IdxReader.LabelsMagic)]
    [InlineData("t10k-images-idx3-ubyte", IdxReader.ImagesMagic)]
    public void Magic_follows_the_conventional_name(string name, int magic) =>
        IdxReader.MagicForName(name).Should().Be(magic);
}
