using GanKit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Data;

public class TensorImageDatasetTests
{
    [Fact]
    public void To_the_device_it_is_already_on_keeps_the_same_tensor()
    {
        var images = zeros(4, 1, 2, 2);
        using var dataset = new TensorImageDataset(images);

        dataset.To(new Device(DeviceType.CPU));

        dataset.Images.Handle.Should().Be(images.Handle, "moving to the current device must not copy or dispose the caller's tensor");
        images.IsInvalid.Should().BeFalse();
    }

    [Fact]
    public void Exposes_count_and_per_image_shape()
    {
        using var dataset = new TensorImageDataset(zeros(5, 1, 3, 4));

        dataset.Count.Should().Be(5);
        dataset.ImageShape.Should().Equal(1, 3, 4);
    }

    [Fact]
    public void Rejects_tensors_that_are_not_image_batches()
    {
        FluentActions.Invoking(() => new TensorImageDataset(zeros(3)))
            .Should().Throw<ArgumentException>().WithMessage("*shape [3]*");
        FluentActions.Invoking(() => new TensorImageDataset(zeros(0, 1, 2, 2)))
            .Should().Throw<ArgumentException>().WithMessage("*got 0*");
        FluentActions.Invoking(() => new TensorImageDataset(zeros(new long[] { 2, 1, 2, 2 }, dtype: ScalarType.Float64)))
            .Should().Throw<ArgumentException>().WithMessage("*float32*Float64*");
    }

    [Fact]
    public void Shuffled_batches_cover_every_image_once_and_repeat_for_a_seed()
    {
        using var dataset = new TensorImageDataset(arange(10, dtype: ScalarType.Float32).reshape(10, 1, 1, 1));

        float[] Draw(long seed) => ShuffledBatches.Epoch(dataset, 3, seed)
            .SelectMany(batch => { using (batch) { return batch.data<float>().ToArray(); } })
            .ToArray();

        var first = Draw(7);
        first.Should().BeEquivalentTo(Enumerable.Range(0, 10).Select(i => (float)i));
        Draw(7).Should().Equal(first);
        Draw(8).Should().NotEqual(first);
        ShuffledBatches.Epoch(dataset, 3, 7, dropLast: true).Count().Should().Be(3);
    }
}
