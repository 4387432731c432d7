using GanKit.Data;
using TorchSharp;

namespace GanKit.Tests.Data;

public sealed class ShuffledBatchesTests
{
    [Fact]
    public void BatchIndices_are_a_permutation_in_the_order_the_image_batches_come()
    {
        using var images = torch.arange(23, dtype: torch.float32).reshape(23, 1, 1, 1);
        using var dataset = new TensorImageDataset(images);

        long[] fromIndices = ShuffledBatches.BatchIndices(23, 5, seed: 9, torch.CPU)
            .SelectMany(batch => { using (batch) { return batch.data<long>().ToArray(); } })
            .ToArray();
        long[] fromImages = ShuffledBatches.Epoch(dataset, 5, seed: 9)
            .SelectMany(batch => { using (batch) { return batch.flatten().data<float>().Select(v => (long)v).ToArray(); } })
            .ToArray();

        fromIndices.Should().Equal(fromImages);
        fromIndices.Order().Should().Equal(Enumerable.Range(0, 23).Select(i => (long)i));
        fromIndices.Should().NotEqual(Enumerable.Range(0, 23).Select(i => (long)i), "seed 9 shuffles");
    }

    [Fact]
    public void BatchIndices_drop_the_short_last_batch_only_when_asked_and_keep_order_without_shuffle()
    {
        ShuffledBatches.BatchIndices(23, 5, seed: 1, torch.CPU, dropLast: true).Should().HaveCount(4);
        var kept = ShuffledBatches.BatchIndices(23, 5, seed: 1, torch.CPU, shuffle: false).ToList();

        kept.Should().HaveCount(5);
        kept[^1].data<long>().ToArray().Should().Equal(20L, 21L, 22L);
        kept.ForEach(batch => batch.Dispose());
    }

    [Fact]
    public void BatchIndices_refuse_an_empty_epoch_naming_the_counts()
    {
        var act = () => ShuffledBatches.BatchIndices(3, 4, seed: 1, torch.CPU, dropLast: true);

        act.Should().Throw<ArgumentException>().WithMessage("*3 images*one batch of 4*");
    }
}
