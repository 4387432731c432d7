using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Regularization;

public class RegularizationTests
{
    [Fact]
    public void L2_term_is_coefficient_times_sum_of_squares_of_regularized_kernels_only()
    {
        var network = new DiscriminatorBuilder(2, 8, 8)
            .Conv2d(4, 3, 2, Padding.Same, regularizer: Regularizers.L2(0.01))
            .Conv2d(6, 3, 2, Padding.Same)
            .Flatten()
            .Dense(1, regularizer: Regularizers.L2(0.5))
            .Build();
        var parameters = network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        double expected = (0.01 * parameters["layers.0.weight"].square().sum().item<float>())
            + (0.5 * parameters["layers.3.weight"].square().sum().item<float>());

        using var loss = network.RegularizationLoss();

        loss.dim().Should().Be(0);
        loss.dtype.Should().Be(ScalarType.Float32);
        loss.item<float>().Should().BeApproximately((float)expected, (float)(expected * 1e-5));
    }

    [Fact]
    public void L2_term_carries_gradient_to_the_kernel_only()
    {
        var network = new DiscriminatorBuilder(3).Dense(4, regularizer: Regularizers.L2(0.01)).Dense(1).Build();
        network.RegularizationLoss().backward();
        var parameters = network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        parameters["layers.0.weight"].grad!.allclose(parameters["layers.0.weight"].mul(0.02)).Should().BeTrue();
        var biasGrad = parameters["layers.0.bias"].grad;
        (biasGrad is null || biasGrad.count_nonzero().item<long>() == 0).Should().BeTrue();
        var otherGrad = parameters["layers.1.weight"].grad;
        (otherGrad is null || otherGrad.count_nonzero().item<long>() == 0).Should().BeTrue();
    }

    [Fact]
    public void Without_regularizers_the_term_is_a_zero_scalar()
    {
        using var loss = new GeneratorBuilder(3).Dense(2).Build().RegularizationLoss();
        loss.dim().Should().Be(0);
        loss.dtype.Should().Be(ScalarType.Float32);
        loss.item<float>().Should().Be(0);
    }

    [Fact]
    public void L2_rejects_negative_coefficients()
    {
        FluentActions.Invoking(() => Regularizers.L2(-0.1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("coefficient");
        Regularizers.L2(0.01).Coefficient.Should().Be(0.01);
    }
}
