using GanKit.Data;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Data;

public sealed class DecodedImageCacheTests
{
    private static void Drain(IBatchSource source, long seed)
    {
        foreach (var batch in source.Epoch(new EpochPlan(4, seed, false, 0, ShuffledBatches.BatchesPerEpoch(source.Count, 4, false), torch.CPU)))
        {
            batch.Dispose();
        }
    }

    [Fact]
    public void The_second_epoch_decodes_nothing_and_yields_the_same_values()
    {
        using var dir = new TempDirectory();
        string cache = dir.Combine("cache", "decoded.bin");
        using var dataset = StreamingBatchSourceTests.GrayFolder(dir, 10, cache);
        using var streaming = new StreamingBatchSource(dataset, new BatchSourceOptions { Workers = 2 });

        Drain(streaming, 1);
        dataset.DecodeCount.Should().Be(10);
        Drain(streaming, 2);
        dataset.DecodeCount.Should().Be(10, "every image came from the cache");

        using var uncached = ImageFolderDataset.Open(dataset.Folder, new ImageFolderOptions { ImageSize = 8, Channels = 1 });
        for (int i = 0; i < 10; i++)
        {
            using var fromCache = dataset.Decode(i);
            using var decoded = uncached.Decode(i);
            TensorAssert.Identical(fromCache, decoded).Should().BeTrue($"image {i}");
        }

        dataset.DecodeCount.Should().Be(10);
    }

    [Fact]
    public void A_reopened_cache_is_kept_except_for_a_file_whose_size_or_time_changed()
    {
        using var dir = new TempDirectory();
        string cache = dir.Combine("decoded.bin");
        string changed;
        using (var first = StreamingBatchSourceTests.GrayFolder(dir, 9, cache))
        using (var source = first.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.InMemory }))
        {
            first.DecodeCount.Should().Be(9);
            changed = Path.Combine(first.Folder, first.Files[4]);
        }

        using (var second = ImageFolderDataset.Open(dir.Combine("images"), new ImageFolderOptions { ImageSize = 8, Channels = 1, CacheFile = cache }))
        using (var source = second.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.Streaming }))
        {
            Drain(source, 5);
            second.DecodeCount.Should().Be(0, "nothing changed since the cache was filled");
        }

        ImageFiles.RandomGray(changed, 8, seed: 999);
        File.SetLastWriteTimeUtc(changed, DateTime.UtcNow.AddMinutes(5));
        using var third = ImageFolderDataset.Open(dir.Combine("images"), new ImageFolderOptions { ImageSize = 8, Channels = 1, CacheFile = cache });
        using (var source = third.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.Streaming }))
        {
            Drain(source, 6);
        }

        third.DecodeCount.Should().Be(1, "only the rewritten file is decoded again");
        using var fresh = ImageFolderDataset.Open(dir.Combine("images"), new ImageFolderOptions { ImageSize = 8, Channels = 1 });
        using var expected = fresh.Decode(4);
        using var actual = third.Decode(4);
        TensorAssert.Identical(actual, expected).Should().BeTrue("the cache serves the new pixels");
    }

    [Fact]
    public void A_cache_made_with_other_settings_is_rebuilt()
    {
        using var dir = new TempDirectory();
        string cache = dir.Combine("decoded.bin");
        using (var gray = StreamingBatchSourceTests.GrayFolder(dir, 4, cache))
        using (var source = gray.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.InMemory }))
        {
        }

        using var unit = ImageFolderDataset.Open(dir.Combine("images"), new ImageFolderOptions { ImageSize = 8, Channels = 1, PixelRange = ImagePixelRange.ZeroToOne, CacheFile = cache });
        using var all = unit.ToTensorDataset();
        unit.DecodeCount.Should().Be(4);
        using var min = all.Images.min();
        min.item<float>().Should().BeGreaterThanOrEqualTo(0f);
    }
}
