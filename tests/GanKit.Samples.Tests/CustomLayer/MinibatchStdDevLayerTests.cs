using GanKit.Samples.CustomLayer;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.Tests.CustomLayer;

public class MinibatchStdDevLayerTests
{
    [Fact]
    public void Adds_one_channel_to_a_feature_map() =>
        new MinibatchStdDevLayer().InferOutputShape([128, 7, 7]).Should().Equal(129, 7, 7);

    [Fact]
    public void Extra_channel_is_the_groups_mean_standard_deviation()
    {
        using var module = new MinibatchStdDevModule(groupSize: 2);
        // Batch of 4 with group size 2: samples 0 and 2 form one group, 1 and 3 the other.
        using var input = torch.tensor(new float[] { 0, 0, 1, 1, 2, 2, 3, 5 }).reshape(4, 2, 1, 1);

        using var output = module.call(input);

        output.shape.Should().Equal(4, 3, 1, 1);
        // Group {0, 2}: channel stds |0-2|/2 = 1 and |0-2|/2 = 1, mean 1.
        // Group {1, 3}: |1-3|/2 = 1 and |1-5|/2 = 2, mean 1.5.
        var extra = output.select(1, 2).flatten().data<float>().ToArray();
        extra.Should().Equal(new[] { 1f, 1.5f, 1f, 1.5f }, (a, b) => Math.Abs(a - b) < 1e-4);
        output.narrow(1, 0, 2).allclose(input, rtol: 0, atol: 0).Should().BeTrue("the input channels pass through unchanged");
    }

    [Fact]
    public void Identical_samples_give_a_near_zero_channel_with_finite_gradients()
    {
        using var module = new MinibatchStdDevModule(groupSize: 4);
        using var input = torch.ones(4, 3, 2, 2).requires_grad_(true);

        using var output = module.call(input);
        using var sum = output.sum();
        sum.backward();

        output.select(1, 3).abs().max().item<float>().Should().BeLessThan(1e-3f);
        input.grad!.isfinite().all().item<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData(8, 4)]
    [InlineData(6, 3)]
    [InlineData(7, 1)]
    [InlineData(2, 2)]
    public void Group_size_is_the_largest_divisor_of_the_batch_up_to_the_configured_one(long batch, long expected)
    {
        using var module = new MinibatchStdDevModule(groupSize: 4);

        module.GroupFor(batch).Should().Be(expected);
    }

    [Fact]
    public void Plugs_into_the_discriminator_builder()
    {
        using var discriminator = new DiscriminatorBuilder(1, 28, 28)
            .Conv2d(8, 5, 2, Padding.Same).LeakyReLU()
            .Add(new MinibatchStdDevLayer())
            .Flatten()
            .Dense(1)
            .Build();
        using var images = torch.randn(4, 1, 28, 28);

        using var logits = discriminator.call(images);

        logits.shape.Should().Equal(4, 1);
        discriminator.Summary().Should().Contain("MinibatchStdDev");
    }

    [Fact]
    public void Placed_after_flatten_the_builder_names_the_layer_and_the_fix()
    {
        var builder = new DiscriminatorBuilder(1, 28, 28).Conv2d(8, 5, 2, Padding.Same).Flatten();

        var act = () => builder.Add(new MinibatchStdDevLayer());

        act.Should().Throw<ArgumentException>().WithMessage("Layer 2 (MinibatchStdDev) cannot take input shape [1568]*before Flatten()*");
    }

    [Fact]
    public void Rejects_groups_smaller_than_two()
    {
        var act = () => new MinibatchStdDevLayer(groupSize: 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at least 2*got 1*");
    }
}
