using GanKit.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Layers;

/// <summary>
/// Checks that 'same' padding lines cells up the way Keras does, through properties that hold
/// only for Keras' placement, not by recomputing the padding.
/// </summary>
public class ConvolutionAlignmentTests
{
    [Theory]
    [InlineData(28, 1)]
    [InlineData(7, 0)]
    public void Stride_two_same_convolution_samples_the_stride_one_result_where_Keras_centres_it(long size, long offset)
    {
        // Keras pads the top by floor(total / 2): on an even input the stride-2 window j is centred
        // on row 2j + 1, on an odd one on row 2j. So stride 2 equals stride 1 sampled from there.
        using var _ = NewDisposeScope();
        manual_seed(1);
        var strided = (nn.Module<Tensor, Tensor>)new Conv2dLayer(3, 5, 2, Padding.Same).CreateModule([2, size, size]);
        var dense = (nn.Module<Tensor, Tensor>)new Conv2dLayer(3, 5, 1, Padding.Same).CreateModule([2, size, size]);
        dense.load_state_dict(strided.state_dict());
        var x = randn(4, 2, size, size);

        var y2 = strided.call(x);
        var y1 = dense.call(x);

        long outSize = (size + 1) / 2;
        y2.shape.Should().Equal(4, 3, outSize, outSize);
        var sampled = y1[.., .., TensorIndex.Slice(offset, null, 2), TensorIndex.Slice(offset, null, 2)];
        sampled.shape.Should().Equal(y2.shape);
        y2.allclose(sampled, rtol: 1e-4, atol: 1e-5).Should().BeTrue();
    }

    [Theory]
    [InlineData(7, 2)]
    [InlineData(7, 1)]
    [InlineData(14, 2)]
    public void Same_transposed_convolution_is_the_adjoint_of_the_same_convolution(long size, long stride)
    {
        // Keras computes Conv2DTranspose as the gradient of the 'same' Conv2D going the other way,
        // so <convT(x), y> must equal <x, conv(y)> with the same kernel.
        using var _ = NewDisposeScope();
        manual_seed(2);
        long large = size * stride;
        var transposed = (nn.Module<Tensor, Tensor>)new ConvTranspose2dLayer(3, 5, stride, Padding.Same, bias: false).CreateModule([4, size, size]);
        var forward = (nn.Module<Tensor, Tensor>)new Conv2dLayer(4, 5, stride, Padding.Same, bias: false).CreateModule([3, large, large]);
        forward.load_state_dict(transposed.state_dict());
        var x = randn(2, 4, size, size, dtype: ScalarType.Float64);
        var y = randn(2, 3, large, large, dtype: ScalarType.Float64);
        transposed.to(ScalarType.Float64);
        forward.to(ScalarType.Float64);

        var tx = transposed.call(x);
        tx.shape.Should().Equal(2, 3, large, large);
        double left = tx.mul(y).sum().item<double>();
        double right = x.mul(forward.call(y)).sum().item<double>();
        left.Should().BeApproximately(right, 1e-9 * Math.Max(1, Math.Abs(right)));
    }

    [Fact]
    public void Explicit_padding_behaves_like_PyTorch()
    {
        using var _ = NewDisposeScope();
        var module = (nn.Module<Tensor, Tensor>)new Conv2dLayer(2, 3, 1, 1, bias: false).CreateModule([1, 5, 5]);
        var weight = module.named_parameters().Single(p => p.name == "weight").parameter;
        var x = randn(1, 1, 5, 5);
        module.call(x).allclose(nn.functional.conv2d(x, weight, padding: [1, 1]), rtol: 1e-5, atol: 1e-6).Should().BeTrue();
    }
}
