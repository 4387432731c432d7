using GanKit.Initialization;
using GanKit.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Initialization;

public class InitializerTests
{
    [Theory]
    [InlineData("Dense", 100, 12544)]
    [InlineData("Conv2d", 64 * 25, 128 * 25)]
    [InlineData("ConvTranspose2d", 64 * 25, 256 * 25)]
    public void Glorot_uniform_stays_within_Keras_bound_and_fills_it(string kind, long fanIn, long fanOut)
    {
        using var _ = NewDisposeScope();
        nn.Module<Tensor, Tensor> module = kind switch
        {
            "Dense" => new DenseLayer(12544).CreateModule([100]),
            "Conv2d" => new Conv2dLayer(128, 5).CreateModule([64, 9, 9]),
            _ => new ConvTranspose2dLayer(64, 5).CreateModule([256, 3, 3]),
        };
        var weight = module.named_parameters().Single(p => p.name == "weight").parameter;
        double bound = Math.Sqrt(6.0 / (fanIn + fanOut));
        GlorotUniformInitializer.Bound(fanIn, fanOut).Should().BeApproximately(bound, 1e-15);

        // The bound is drawn in float32, so allow its rounding.
        double max = weight.abs().max().item<float>();
        max.Should().BeLessThanOrEqualTo(bound * (1 + 1e-6));
        max.Should().BeGreaterThan(bound * 0.99);
        weight.mean().item<float>().Should().BeApproximately(0f, (float)(bound * 0.02));
        module.named_parameters().Single(p => p.name == "bias").parameter.count_nonzero().item<long>().Should().Be(0);
    }

    [Fact]
    public void Kaiming_uniform_default_is_PyTorch_layer_default()
    {
        using var _ = NewDisposeScope();
        var weight = new DenseLayer(500, initializer: Initializers.KaimingUniform).CreateModule([400]).named_parameters().Single(p => p.name == "weight").parameter;
        double bound = 1 / Math.Sqrt(400);
        Initializers.KaimingUniform.Bound(400).Should().BeApproximately(bound, 1e-12);
        double max = weight.abs().max().item<float>();
        max.Should().BeLessThanOrEqualTo(bound * (1 + 1e-6));
        max.Should().BeGreaterThan(bound * 0.99);
    }

    [Fact]
    public void Normal_has_the_requested_deviation()
    {
        using var _ = NewDisposeScope();
        var weight = new Conv2dLayer(64, 5, initializer: Initializers.Normal(0, 0.02)).CreateModule([64, 9, 9]).named_parameters().Single(p => p.name == "weight").parameter;
        weight.std().item<float>().Should().BeApproximately(0.02f, 0.001f);
        weight.mean().item<float>().Should().BeApproximately(0f, 0.001f);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        FluentActions.Invoking(() => Initializers.Normal(0, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("standardDeviation");
        FluentActions.Invoking(() => new KaimingUniformInitializer(double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("negativeSlope");
    }
}
