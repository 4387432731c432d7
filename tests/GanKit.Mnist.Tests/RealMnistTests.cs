using GanKit.Data;
using GanKit.Mnist.Tests.TestSupport;
using TorchSharp;

namespace GanKit.Mnist.Tests;

[Collection(RealMnistCollection.Name)]
[Trait(TestData.Trait, TestData.RealMnist)]
public sealed class RealMnistTests(RealMnistFixture mnist)
{
    [Fact]
    public void Splits_hold_60000_and_10000_images_of_28_by_28()
    {
        mnist.Train.Count.Should().Be(60_000);
        mnist.Test.Count.Should().Be(10_000);
        mnist.Train.Images.shape.Should().Equal(60_000, 1, 28, 28);
        mnist.Test.Images.shape.Should().Equal(10_000, 1, 28, 28);
        mnist.Train.Labels.shape.Should().Equal(60_000);
        mnist.Test.Labels.shape.Should().Equal(10_000);
    }

    [Fact]
    public void First_training_labels_are_5_0_4_1_9_2_1_3_1_4()
    {
        using var first = mnist.Train.Labels[..10];

        first.data<long>().ToArray().Should().Equal(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
    }

    [Fact]
    public void Training_pixels_have_the_known_mean_and_std_on_the_0_1_scale()
    {
        // On [-1, 1] the values are 2u - 1 for u on [0, 1], so mean_u = (mean + 1) / 2 and
        // std_u = std / 2; this avoids a 376 MB float64 copy.
        using var meanTensor = mnist.Train.Images.mean();
        using var stdTensor = mnist.Train.Images.std();
        double mean = (meanTensor.item<float>() + 1.0) / 2.0;
        double std = stdTensor.item<float>() / 2.0;

        mean.Should().BeApproximately(0.1307, 0.0005);
        std.Should().BeApproximately(0.3081, 0.0005);
    }

    [Fact]
    public void Images_span_exactly_minus_one_to_one()
    {
        mnist.Train.Images.min().item<float>().Should().Be(-1f);
        mnist.Train.Images.max().item<float>().Should().Be(1f);
    }

    [Fact]
    public void Test_label_histogram_matches_the_published_counts()
    {
        using var counts = torch.bincount(mnist.Test.Labels, minlength: 10);

        counts.data<long>().ToArray().Should().Equal(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    [Fact]
    public void A_dropLast_epoch_of_256_yields_234_full_batches_on_the_data_device()
    {
        int batches = 0;
        foreach (var (images, labels) in mnist.Train.LabelledBatches(256, seed: 3, dropLast: true))
        {
            using (images)
            using (labels)
            {
                images.shape.Should().Equal(256, 1, 28, 28);
                images.device_type.Should().Be(mnist.Train.Device.type);
                batches++;
            }
        }

        batches.Should().Be(234);
        ShuffledBatches.BatchesPerEpoch(mnist.Train.Count, 256, dropLast: true).Should().Be(234);
    }
}
