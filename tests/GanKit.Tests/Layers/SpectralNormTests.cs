using GanKit.Layers;
using GanKit.Layers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Layers;

public class SpectralNormTests
{
    [Fact]
    public void Power_iteration_converges_to_the_largest_singular_value()
    {
        using var _ = NewDisposeScope();
        var weight = WithSpectrum(16, 72, largest: 3, second: 1.5).reshape(16, 8, 3, 3);
        var u = SpectralNormalization.CreateU(weight, 0);
        double expected = linalg.svdvals(SpectralNormalization.AsMatrix(weight, 0))[0].item<float>();

        double first = SpectralNormalization.Sigma(weight, u, 0, training: true).item<float>();
        double sigma = first;
        for (int i = 0; i < 50; i++)
        {
            sigma = SpectralNormalization.Sigma(weight, u, 0, training: true).item<float>();
        }

        expected.Should().BeApproximately(3, 1e-4);
        first.Should().BeLessThan(expected * (1 + 1e-5));
        sigma.Should().BeApproximately(expected, expected * 1e-4);
        sigma.Should().BeLessThanOrEqualTo(expected * (1 + 1e-5));
    }

    /// <summary>
    /// A random matrix with a known spectrum, so the power iteration's convergence rate, set by
    /// the gap between the two largest singular values, does not depend on the random draw.
    /// </summary>
    private static Tensor WithSpectrum(long rows, long columns, double largest, double second)
    {
        var (left, _) = linalg.qr(randn(rows, rows));
        var (right, _) = linalg.qr(randn(columns, rows));
        var values = linspace(second, 0.1, rows);
        values[0] = tensor((float)largest);
        return left.matmul(diag(values)).matmul(right.t());
    }

    [Fact]
    public void Spectrally_normalised_dense_layer_has_unit_largest_singular_value_after_training_passes()
    {
        using var _ = NewDisposeScope();
        var module = (nn.Module<Tensor, Tensor>)new DenseLayer(6, bias: false, spectralNorm: true).CreateModule([10]);
        using (no_grad())
        {
            module.named_parameters().Single(p => p.name == "weight").parameter.copy_(WithSpectrum(6, 10, largest: 2, second: 1));
        }

        module.train();
        var identity = eye(10);
        for (int i = 0; i < 60; i++)
        {
            module.call(identity);
        }

        // Feeding the identity returns the effective kernel, transposed.
        module.eval();
        var effective = module.call(identity);
        linalg.svdvals(effective)[0].item<float>().Should().BeApproximately(1f, 1e-3f);
    }

    [Fact]
    public void U_is_a_persistent_buffer_updated_only_in_training_mode_and_without_gradient()
    {
        using var _ = NewDisposeScope();
        var module = (nn.Module<Tensor, Tensor>)new Conv2dLayer(4, 3, 1, Padding.Same, spectralNorm: true).CreateModule([2, 5, 5]);
        module.state_dict().Keys.Should().BeEquivalentTo("weight", "bias", "spectral_u");
        var u = module.named_buffers().Single(b => b.name == "spectral_u").buffer;
        u.requires_grad.Should().BeFalse();
        var x = randn(2, 2, 5, 5);

        module.eval();
        var before = u.clone();
        module.call(x);
        u.equal(before).all().item<bool>().Should().BeTrue();

        module.train();
        var output = module.call(x);
        u.equal(before).all().item<bool>().Should().BeFalse();
        output.sum().backward();
        module.named_parameters().Single(p => p.name == "weight").parameter.grad.Should().NotBeNull();
    }

    [Fact]
    public void Transposed_convolution_normalises_over_output_channels()
    {
        using var _ = NewDisposeScope();
        var module = (nn.Module<Tensor, Tensor>)new ConvTranspose2dLayer(5, 3, 2, Padding.Same, spectralNorm: true).CreateModule([4, 3, 3]);
        module.named_buffers().Single(b => b.name == "spectral_u").buffer.shape.Should().Equal(5);
        module.call(randn(1, 4, 3, 3)).shape.Should().Equal(1, 5, 6, 6);
    }
}
