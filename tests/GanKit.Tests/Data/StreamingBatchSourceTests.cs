using GanKit.Data;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Data;

public sealed class StreamingBatchSourceTests
{
    /// <summary>A folder of <paramref name="count"/> random 8x8 gray PNGs (lossless, so decoding is exact).</summary>
    internal static ImageFolderDataset GrayFolder(TempDirectory dir, int count, string? cacheFile = null)
    {
        for (int i = 0; i < count; i++)
        {
            ImageFiles.RandomGray(dir.Combine("images", $"{i % 3}", $"img{i:D3}.png"), 8, seed: 100 + i);
        }

        return ImageFolderDataset.Open(dir.Combine("images"), new ImageFolderOptions { ImageSize = 8, Channels = 1, CacheFile = cacheFile });
    }

    private static List<Tensor> Collect(IBatchSource source, EpochPlan plan) => source.Epoch(plan).ToList();

    [Fact]
    public void Streamed_labels_equal_the_in_memory_ones_and_follow_the_class_folders()
    {
        using var dir = new TempDirectory();
        GrayFolder(dir, 17).Dispose();
        using var dataset = ImageFolderDataset.Open(dir.Combine("images"), new ImageFolderOptions { ImageSize = 8, Channels = 1, ClassFolders = true });
        using var memory = dataset.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.InMemory });
        using var streaming = dataset.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.Streaming, Workers = 2 });
        var plan = new EpochPlan(4, 9, DropLast: false, FirstBatch: 1, BatchCount: 5, torch.CPU);

        streaming.ClassCount.Should().Be(3);
        streaming.ClassSizes.Should().Equal(memory.ClassSizes).And.Equal(6, 6, 5);
        var expected = memory.LabelledEpoch(plan).ToList();
        var actual = streaming.LabelledEpoch(plan).ToList();
        actual.Should().HaveCount(4, "batches 1 to 4 of 5");
        for (int i = 0; i < actual.Count; i++)
        {
            TensorAssert.Identical(actual[i].Images, expected[i].Images).Should().BeTrue($"batch {i + 1}'s images");
            TensorAssert.Identical(actual[i].Labels, expected[i].Labels).Should().BeTrue($"batch {i + 1}'s labels");
        }

        foreach (var batch in expected.Concat(actual))
        {
            batch.Dispose();
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 8)]
    public void Streamed_batches_equal_the_in_memory_ones_for_the_same_seed(int workers, int prefetch)
    {
        using var dir = new TempDirectory();
        using var dataset = GrayFolder(dir, 23);
        using var memory = dataset.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.InMemory });
        using var streaming = dataset.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.Streaming, Workers = workers, PrefetchBatches = prefetch });
        memory.Should().BeOfType<LabelledBatchSource>("in memory, a folder keeps its labels");
        streaming.Should().BeOfType<StreamingBatchSource>();

        foreach (long seed in new long[] { 1, 2 })
        {
            var plan = new EpochPlan(5, seed, DropLast: false, FirstBatch: 0, BatchCount: 5, torch.CPU);
            var expected = Collect(memory, plan);
            var actual = Collect(streaming, plan);
            actual.Select(b => b.shape[0]).Should().Equal(5, 5, 5, 5, 3);
            for (int b = 0; b < expected.Count; b++)
            {
                TensorAssert.Identical(actual[b], expected[b]).Should().BeTrue($"batch {b} of seed {seed}");
            }

            expected.Concat(actual).ToList().ForEach(t => t.Dispose());
        }

        using var first = memory.Epoch(new EpochPlan(5, 1, false, 0, 1, torch.CPU)).Single();
        using var other = memory.Epoch(new EpochPlan(5, 2, false, 0, 1, torch.CPU)).Single();
        TensorAssert.Identical(first, other).Should().BeFalse("another seed gives another order");
    }

    [Fact]
    public void Batches_before_the_first_are_never_decoded()
    {
        using var dir = new TempDirectory();
        using var dataset = GrayFolder(dir, 20);
        using var streaming = new StreamingBatchSource(dataset, new BatchSourceOptions { Workers = 2 });
        using var memory = dataset.CreateBatchSource(new BatchSourceOptions { Mode = BatchSourceMode.InMemory });
        long before = dataset.DecodeCount;

        var resumed = Collect(streaming, new EpochPlan(4, 9, false, FirstBatch: 3, BatchCount: 4, torch.CPU));

        resumed.Should().HaveCount(1);
        (dataset.DecodeCount - before).Should().Be(4, "only batch 3 of the epoch is read");
        using var expected = memory.Epoch(new EpochPlan(4, 9, false, 0, 4, torch.CPU)).Last();
        TensorAssert.Identical(resumed[0], expected).Should().BeTrue();
        resumed[0].Dispose();
    }

    [Fact]
    public void Leaving_an_epoch_early_stops_and_joins_every_decoding_thread()
    {
        using var dir = new TempDirectory();
        using var dataset = GrayFolder(dir, 40);
        using var streaming = new StreamingBatchSource(dataset, new BatchSourceOptions { Workers = 3, PrefetchBatches = 3 });

        int liveInside = 0;
        foreach (var batch in streaming.Epoch(new EpochPlan(2, 1, false, 0, 20, torch.CPU)))
        {
            batch.Dispose();
            liveInside = streaming.LiveWorkers;
            break;
        }

        liveInside.Should().BeGreaterThan(0, "the threads were running while the epoch was");
        streaming.LiveWorkers.Should().Be(0);
        streaming.LastEpochThreads.Should().HaveCount(3).And.OnlyContain(t => !t.IsAlive);
    }

    [Fact]
    public void A_file_that_breaks_after_opening_ends_the_epoch_with_its_name_and_no_thread_left()
    {
        using var dir = new TempDirectory();
        using var dataset = GrayFolder(dir, 12);
        File.WriteAllText(Path.Combine(dataset.Folder, dataset.Files[5]), "overwritten");
        using var streaming = new StreamingBatchSource(dataset, new BatchSourceOptions { Workers = 2 });

        FluentActions.Invoking(() => Collect(streaming, new EpochPlan(4, 3, false, 0, 3, torch.CPU).With(shuffle: false)).ForEach(t => t.Dispose()))
            .Should().Throw<InvalidDataException>().WithMessage($"*{Path.GetFileName(dataset.Files[5])}*");
        streaming.LiveWorkers.Should().Be(0);
    }

    [Fact]
    public void Automatic_mode_streams_only_what_does_not_fit_the_memory_limit()
    {
        using var dir = new TempDirectory();
        using var dataset = GrayFolder(dir, 10);
        dataset.DecodedBytes.Should().Be(10 * 64 * 4);

        using var fits = dataset.CreateBatchSource(new BatchSourceOptions { MemoryLimitBytes = 2560 });
        using var streams = dataset.CreateBatchSource(new BatchSourceOptions { MemoryLimitBytes = 2559 });

        fits.Should().BeOfType<LabelledBatchSource>();
        streams.Should().BeOfType<StreamingBatchSource>();
    }

    [Fact]
    public void Batch_source_options_have_documented_defaults_and_name_a_bad_value()
    {
        var options = new BatchSourceOptions();
        options.Mode.Should().Be(BatchSourceMode.Automatic);
        options.MemoryLimitBytes.Should().Be(2L << 30);
        options.Workers.Should().Be(0);
        options.PrefetchBatches.Should().Be(4);
        options.EffectiveWorkers.Should().Be(Math.Max(1, Environment.ProcessorCount - 1));
        FluentActions.Invoking(() => new BatchSourceOptions { PrefetchBatches = 0 }.Validate())
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*PrefetchBatches*0*");
    }
}

internal static class EpochPlanExtensions
{
    public static EpochPlan With(this EpochPlan plan, bool shuffle) => plan with { Shuffle = shuffle };
}
