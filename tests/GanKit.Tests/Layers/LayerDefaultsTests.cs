using GanKit.Initialization;
using GanKit.Layers;
using GanKit.Regularization;
using TorchSharp;

namespace GanKit.Tests.Layers;

public class LayerDefaultsTests
{
    [Fact]
    public void Defaults_are_Keras_defaults()
    {
        LayerDefaults.UseBias.Should().BeTrue();
        LayerDefaults.Stride.Should().Be(1);
        LayerDefaults.SpectralNorm.Should().BeFalse();
        LayerDefaults.BatchNormEpsilon.Should().Be(1e-3);
        LayerDefaults.BatchNormMomentum.Should().Be(0.99);
        LayerDefaults.LeakyReLUSlope.Should().Be(0.3);
        LayerDefaults.UpsampleScale.Should().Be(2);
        LayerDefaults.KernelInitializer.Should().BeOfType<GlorotUniformInitializer>();
        Initializers.DcganStandardDeviation.Should().Be(0.02);
    }

    [Fact]
    public void Dense_defaults()
    {
        var layer = new DenseLayer(3);
        layer.UseBias.Should().BeTrue();
        layer.Initializer.Should().BeOfType<GlorotUniformInitializer>();
        layer.Regularizer.Should().BeNull();
        layer.SpectralNorm.Should().BeFalse();
    }

    [Fact]
    public void Conv2d_defaults()
    {
        var layer = new Conv2dLayer(3, 5);
        layer.Stride.Should().Be(1);
        layer.Padding.Should().Be(ConvolutionPadding.Valid);
        layer.UseBias.Should().BeTrue();
        layer.Initializer.Should().BeOfType<GlorotUniformInitializer>();
        layer.Regularizer.Should().BeNull();
        layer.SpectralNorm.Should().BeFalse();
    }

    [Fact]
    public void ConvTranspose2d_defaults()
    {
        var layer = new ConvTranspose2dLayer(3, 5);
        layer.Stride.Should().Be(1);
        layer.Padding.Should().Be(ConvolutionPadding.Valid);
        layer.UseBias.Should().BeTrue();
        layer.Initializer.Should().BeOfType<GlorotUniformInitializer>();
        layer.Regularizer.Should().BeNull();
        layer.SpectralNorm.Should().BeFalse();
    }

    [Fact]
    public void Other_layer_defaults()
    {
        var norm = new BatchNormLayer();
        norm.Epsilon.Should().Be(1e-3);
        norm.Momentum.Should().Be(0.99);
        norm.PyTorchMomentum.Should().BeApproximately(0.01, 1e-12);
        new LeakyReLULayer().Slope.Should().Be(0.3);
        new UpsampleLayer().Scale.Should().Be(2);
        Initializers.Normal().Mean.Should().Be(0);
        Initializers.Normal().StandardDeviation.Should().Be(0.02);
        Initializers.KaimingUniform.NegativeSlope.Should().BeApproximately(Math.Sqrt(5), 1e-15);
    }

    [Fact]
    public void Builder_methods_record_their_arguments()
    {
        var builder = new DiscriminatorBuilder(2, 8, 8)
            .Conv2d(4, 3, 2, Padding.Same, bias: false, initializer: Initializers.KaimingUniform, regularizer: Regularizers.L2(0.01), spectralNorm: true)
            .BatchNorm(1e-5, 0.9)
            .LeakyReLU(0.2)
            .Dropout(0.25)
            .Upsample(3);
        var conv = builder.Layers[0].Should().BeOfType<Conv2dLayer>().Subject;
        (conv.Filters, conv.KernelSize, conv.Stride, conv.Padding, conv.UseBias, conv.SpectralNorm).Should().Be((4L, 3L, 2L, ConvolutionPadding.Same, false, true));
        conv.Initializer.Should().BeSameAs(Initializers.KaimingUniform);
        conv.Regularizer.Should().BeOfType<L2Regularizer>().Which.Coefficient.Should().Be(0.01);
        builder.Layers[1].Should().BeOfType<BatchNormLayer>().Which.Momentum.Should().Be(0.9);
        builder.Layers[2].Should().BeOfType<LeakyReLULayer>().Which.Slope.Should().Be(0.2);
        builder.Layers[3].Should().BeOfType<DropoutLayer>().Which.Probability.Should().Be(0.25);
        builder.CurrentShape.Should().Equal(4, 12, 12);
    }
}
