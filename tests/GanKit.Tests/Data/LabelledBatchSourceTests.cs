using GanKit.Data;
using GanKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Data;

public sealed class LabelledBatchSourceTests
{
    [Fact]
    public void Labels_stay_with_their_images_through_shuffling()
    {
        using var data = TinyConditionalGan.Data(40);
        using var source = new LabelledBatchSource(data, data);
        var seen = new List<long>();
        foreach (var batch in source.LabelledEpoch(new EpochPlan(8, 11, false, 0, 5, torch.CPU)))
        {
            using (batch)
            {
                using var cpu = batch.Labels.cpu();
                var labels = cpu.data<long>().ToArray();
                TinyConditionalGan.LabelsEncodedIn(batch.Images).Should().Equal(labels);
                seen.AddRange(labels);
            }
        }

        seen.Should().HaveCount(40);
        seen.GroupBy(l => l).Select(g => g.Count()).Should().BeEquivalentTo([14, 13, 13]);
        source.ClassSizes.Should().Equal(14, 13, 13);
    }

    [Fact]
    public void A_resumed_epoch_yields_the_same_labelled_batches_as_the_rest_of_a_whole_one()
    {
        using var data = TinyConditionalGan.Data(40);
        using var source = new LabelledBatchSource(data, data);
        var whole = source.LabelledEpoch(new EpochPlan(8, 5, false, 0, 5, torch.CPU)).ToList();
        var resumed = source.LabelledEpoch(new EpochPlan(8, 5, false, 2, 5, torch.CPU)).ToList();

        resumed.Should().HaveCount(3);
        for (int i = 0; i < 3; i++)
        {
            TensorAssert.Identical(resumed[i].Images, whole[i + 2].Images).Should().BeTrue();
            TensorAssert.Identical(resumed[i].Labels, whole[i + 2].Labels).Should().BeTrue();
        }

        foreach (var batch in whole.Concat(resumed))
        {
            batch.Dispose();
        }
    }

    [Fact]
    public void The_plain_epoch_is_the_same_images_in_the_same_order()
    {
        using var data = TinyConditionalGan.Data(40);
        using var source = new LabelledBatchSource(data, data);
        var plan = new EpochPlan(8, 5, false, 0, 5, torch.CPU);

        foreach (var (images, labelled) in source.Epoch(plan).Zip(source.LabelledEpoch(plan)))
        {
            using (images)
            using (labelled)
            {
                TensorAssert.Identical(images, labelled.Images).Should().BeTrue();
            }
        }
    }

    [Fact]
    public void Labels_outside_the_classes_or_of_the_wrong_length_are_named()
    {
        using var images = torch.zeros(4, 1, 2, 2);
        using var data = new LabelledTensorDataset(images.clone(), torch.tensor(new long[] { 0, 1, 5, 1 }), 3);

        FluentActions.Invoking(() => new LabelledBatchSource(data, data)).Should().Throw<ArgumentException>().WithMessage("Row 2 has label 5, outside [0, 3).*");
        FluentActions.Invoking(() => new LabelledTensorDataset(images.clone(), torch.tensor(new long[] { 0, 1 }), 3)).Should().Throw<ArgumentException>().WithMessage("*int64 [4]*[2]*");
        FluentActions.Invoking(() => new LabelledTensorDataset(images.clone(), torch.zeros(4, dtype: ScalarType.Int64), 2, ["a"])).Should().Throw<ArgumentException>().WithMessage("1 class names were given for 2 classes.*");
    }
}
