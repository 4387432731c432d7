using GanKit.Layers;
using TorchSharp;

namespace GanKit.Tests.Building;

public class BuilderShapeErrorTests
{
    [Fact]
    public void Dense_on_an_image_names_index_kind_shape_and_need()
    {
        var builder = new DiscriminatorBuilder(1, 28, 28).Conv2d(8, 5, 2, Padding.Same);
        FluentActions.Invoking(() => builder.Dense(1))
            .Should().Throw<ArgumentException>()
            .WithMessage("Layer 1 (Dense) cannot take input shape [8, 14, 14]: Dense needs a flat input [features]; add a Flatten before it.*");
    }

    [Fact]
    public void Conv2d_on_a_flat_input_names_index_kind_shape_and_need()
    {
        var builder = new GeneratorBuilder(100).Dense(49);
        FluentActions.Invoking(() => builder.Conv2d(8, 3))
            .Should().Throw<ArgumentException>()
            .WithMessage("Layer 1 (Conv2d) cannot take input shape [49]: Conv2d needs a channels-first image [C, H, W]*");
    }

    [Fact]
    public void ConvTranspose2d_on_a_flat_input_is_rejected()
    {
        FluentActions.Invoking(() => new GeneratorBuilder(10).ConvTranspose2d(8, 3))
            .Should().Throw<ArgumentException>()
            .WithMessage("Layer 0 (ConvTranspose2d) cannot take input shape [10]:*[C, H, W]*");
    }

    [Fact]
    public void Reshape_with_the_wrong_element_count_says_how_many_it_needs()
    {
        var builder = new GeneratorBuilder(100).Dense(12544);
        FluentActions.Invoking(() => builder.Reshape(128, 7, 7))
            .Should().Throw<ArgumentException>()
            .WithMessage("Layer 1 (Reshape) cannot take input shape [12544]: Reshape to [128, 7, 7] needs 6272 elements, got 12544.*");
    }

    [Fact]
    public void Reshape_with_minus_one_infers_the_size_or_explains_the_multiple()
    {
        new GeneratorBuilder(100).Dense(12544).Reshape(-1, 7, 7).CurrentShape.Should().Equal(256, 7, 7);
        FluentActions.Invoking(() => new GeneratorBuilder(100).Reshape(-1, 7))
            .Should().Throw<ArgumentException>().WithMessage("Layer 0 (Reshape)*needs a multiple of 7 elements, got 100.*");
    }

    [Fact]
    public void BatchNorm_on_a_two_dimensional_shape_is_rejected()
    {
        FluentActions.Invoking(() => new GeneratorBuilder(100).Reshape(10, 10).BatchNorm())
            .Should().Throw<ArgumentException>()
            .WithMessage("Layer 1 (BatchNorm) cannot take input shape [10, 10]: BatchNorm needs features [F] or a channels-first image [C, H, W].*");
    }

    [Fact]
    public void Upsample_on_a_flat_input_is_rejected()
    {
        FluentActions.Invoking(() => new GeneratorBuilder(100).Upsample())
            .Should().Throw<ArgumentException>().WithMessage("Layer 0 (Upsample) cannot take input shape [100]*");
    }

    [Fact]
    public void Valid_kernel_larger_than_the_image_is_rejected()
    {
        FluentActions.Invoking(() => new DiscriminatorBuilder(1, 4, 4).Conv2d(8, 5))
            .Should().Throw<ArgumentException>().WithMessage("Layer 0 (Conv2d) cannot take input shape [1, 4, 4]: Conv2d with a 5x5 kernel and padding valid needs spatial sizes of at least 5.*");
    }

    [Fact]
    public void A_rejected_layer_leaves_the_builder_unchanged()
    {
        var builder = new GeneratorBuilder(100).Dense(49);
        FluentActions.Invoking(() => builder.Conv2d(8, 3)).Should().Throw<ArgumentException>();
        builder.Layers.Should().HaveCount(1);
        builder.CurrentShape.Should().Equal(49);
    }

    [Fact]
    public void Discriminator_must_end_with_one_logit()
    {
        var builder = new DiscriminatorBuilder(1, 28, 28).Flatten().Dense(10);
        FluentActions.Invoking(() => builder.Build())
            .Should().Throw<InvalidOperationException>().WithMessage("*one logit per sample, shape [1]; it ends with [10]*");
    }

    [Fact]
    public void Empty_builders_cannot_build()
    {
        FluentActions.Invoking(() => new GeneratorBuilder(5).Build())
            .Should().Throw<InvalidOperationException>().WithMessage("A generator needs at least one layer*");
    }

    [Fact]
    public void Bad_constructor_arguments_are_rejected()
    {
        FluentActions.Invoking(() => new GeneratorBuilder(0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new DiscriminatorBuilder()).Should().Throw<ArgumentException>().WithMessage("*got []*");
        FluentActions.Invoking(() => new DiscriminatorBuilder(1, 0, 28)).Should().Throw<ArgumentException>().WithMessage("*got [1, 0, 28]*");
    }

    [Fact]
    public void Bad_layer_arguments_are_rejected_with_the_parameter_name()
    {
        var builder = new GeneratorBuilder(4);
        FluentActions.Invoking(() => builder.Dense(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("units");
        FluentActions.Invoking(() => builder.Dropout(1.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("probability");
        FluentActions.Invoking(() => builder.BatchNorm(momentum: 1.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("momentum");
        FluentActions.Invoking(() => builder.BatchNorm(epsilon: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epsilon");
        FluentActions.Invoking(() => builder.LeakyReLU(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("slope");
        FluentActions.Invoking(() => builder.Reshape(2, 0)).Should().Throw<ArgumentException>().WithParameterName("shape");
        FluentActions.Invoking(() => new Conv2dLayer(8, 3, stride: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("stride");
    }
}
