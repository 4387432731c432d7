using GanKit.Layers;
using TorchSharp;

namespace GanKit.Tests.Building;

public class ConvolutionPaddingTests
{
    [Theory]
    [InlineData(28, 5, 2, 14, 1, 2)]
    [InlineData(7, 5, 2, 4, 2, 2)]
    [InlineData(14, 5, 2, 7, 1, 2)]
    [InlineData(28, 5, 1, 28, 2, 2)]
    [InlineData(4, 3, 2, 2, 0, 1)]
    public void Same_convolution_matches_Keras(long input, long kernel, long stride, long output, long before, long after)
    {
        var axis = ConvolutionPadding.Same.ForConvolution(input, kernel, stride, "Conv2d");
        axis.Should().Be((before, after, output));
    }

    [Theory]
    [InlineData(7, 5, 2, 14)]
    [InlineData(14, 5, 2, 28)]
    [InlineData(7, 5, 1, 7)]
    [InlineData(3, 1, 2, 6)]
    public void Same_transposed_convolution_multiplies_by_the_stride(long input, long kernel, long stride, long output)
    {
        ConvolutionPadding.Same.ForTransposedConvolution(input, kernel, stride, "ConvTranspose2d").Output.Should().Be(output);
    }

    [Fact]
    public void Same_transposed_convolution_uses_Keras_top_padding_and_crops_the_surplus_at_the_end()
    {
        ConvolutionPadding.Same.ForTransposedConvolution(7, 5, 2, "ConvTranspose2d").Should().Be((1L, 0L, 1L, 14L));
    }

    [Theory]
    [InlineData(28, 5, 2, 12)]
    [InlineData(7, 5, 1, 3)]
    public void Valid_convolution_does_not_pad(long input, long kernel, long stride, long output)
    {
        ConvolutionPadding.Valid.ForConvolution(input, kernel, stride, "Conv2d").Should().Be((0L, 0L, output));
    }

    [Theory]
    [InlineData(7, 5, 2, 17)]
    [InlineData(7, 1, 2, 14)]
    public void Valid_transposed_convolution_matches_Keras(long input, long kernel, long stride, long output)
    {
        ConvolutionPadding.Valid.ForTransposedConvolution(input, kernel, stride, "ConvTranspose2d").Output.Should().Be(output);
    }

    [Fact]
    public void Explicit_amount_reads_the_PyTorch_way()
    {
        ConvolutionPadding padding = 2;
        padding.ForConvolution(28, 5, 1, "Conv2d").Should().Be((2L, 2L, 28L));
        padding.ForTransposedConvolution(7, 4, 2, "ConvTranspose2d").Output.Should().Be(((7 - 1) * 2) - 4 + 4);
    }

    [Fact]
    public void Converts_TorchSharp_padding_and_defaults_to_valid()
    {
        ConvolutionPadding same = Padding.Same;
        ConvolutionPadding valid = Padding.Valid;
        same.IsSame.Should().BeTrue();
        valid.Should().Be(ConvolutionPadding.Valid);
        default(ConvolutionPadding).Should().Be(ConvolutionPadding.Valid);
        ConvolutionPadding.Explicit(0).Should().Be(ConvolutionPadding.Valid);
        same.ToString().Should().Be("same");
        valid.ToString().Should().Be("valid");
        ConvolutionPadding.Explicit(3).ToString().Should().Be("3");
    }

    [Fact]
    public void Rejects_negative_amounts_and_undefined_modes()
    {
        FluentActions.Invoking(() => ConvolutionPadding.Explicit(-1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => (ConvolutionPadding)(Padding)7).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Valid_convolution_larger_than_the_input_is_rejected_with_the_needed_size()
    {
        FluentActions.Invoking(() => ConvolutionPadding.Valid.ForConvolution(3, 5, 1, "Conv2d"))
            .Should().Throw<ArgumentException>().WithMessage("*5x5*at least 5*");
    }
}
