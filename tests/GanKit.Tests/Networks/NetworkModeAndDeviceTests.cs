using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Networks;

public class NetworkModeAndDeviceTests
{
    [Fact]
    public void Train_and_eval_switch_dropout()
    {
        using var _ = NewDisposeScope();
        var network = new DiscriminatorBuilder(1000).Dropout(0.5).Dense(1, bias: false, initializer: Initializers.Normal(1, 1e-9)).Build();
        var x = ones(8, 1000);

        network.train();
        network.call(x).Should().NotBeNull();
        var trained = network.call(x);
        network.eval();
        var first = network.call(x);
        var second = network.call(x);

        first.equal(second).all().item<bool>().Should().BeTrue();
        first.allclose(full(8, 1, 1000f), rtol: 1e-4).Should().BeTrue();
        trained.allclose(first, rtol: 1e-4).Should().BeFalse();
    }

    [Fact]
    public void Train_and_eval_switch_batch_norm_between_batch_and_running_statistics()
    {
        using var _ = NewDisposeScope();
        var network = new GeneratorBuilder(4).BatchNorm().Build();
        var norm = network.modules().OfType<TorchSharp.Modules.BatchNorm>().Single();
        var x = randn(64, 4).mul(3).add(5);

        network.train();
        var normalised = network.call(x);
        normalised.mean(new long[] { 0 }).abs().max().item<float>().Should().BeLessThan(1e-4f);
        norm.running_mean!.allclose(x.mean(new long[] { 0 }).mul(0.01), rtol: 1e-4, atol: 1e-6).Should().BeTrue();

        network.eval();
        var runningBefore = norm.running_mean.clone();
        var evaluated = network.call(x);
        norm.running_mean.equal(runningBefore).all().item<bool>().Should().BeTrue();
        evaluated.mean(new long[] { 0 }).abs().max().item<float>().Should().BeGreaterThan(1f);
    }

    [Fact]
    public void Every_parameter_and_buffer_follows_to()
    {
        using var _ = NewDisposeScope();
        var network = new DiscriminatorBuilder(2, 8, 8)
            .Conv2d(4, 3, 2, Padding.Same, spectralNorm: true).BatchNorm().LeakyReLU()
            .ConvTranspose2d(3, 3, 2, Padding.Same, spectralNorm: true).BatchNorm()
            .Flatten().Dense(1, spectralNorm: true, regularizer: Regularizers.L2(0.1))
            .Build();
        var device = cuda.is_available() ? CUDA : CPU;

        network.to(device, ScalarType.Float64);

        network.parameters().Should().OnlyContain(p => p.dtype == ScalarType.Float64 && p.device.type == device.type);
        network.buffers().Where(b => b.is_floating_point()).Should().OnlyContain(b => b.dtype == ScalarType.Float64 && b.device.type == device.type);
        network.buffers().Should().OnlyContain(b => b.device.type == device.type);
        network.buffers().Count().Should().Be(9);

        // The modules must use the moved tensors, not stale fields: a stale float32 spectral vector would fail here.
        network.train();
        var output = network.call(randn(3, 2, 8, 8, dtype: ScalarType.Float64, device: device));
        output.dtype.Should().Be(ScalarType.Float64);
        (output.sum() + network.RegularizationLoss()).backward();
        var loss = network.RegularizationLoss();
        loss.device.type.Should().Be(device.type);
        network.Device.type.Should().Be(device.type);
    }

    [Fact]
    public void Regularization_term_is_on_the_network_device_when_there_is_none()
    {
        using var _ = NewDisposeScope();
        var network = new GeneratorBuilder(2).Dense(2).Build();
        network.RegularizationLoss().device.type.Should().Be(DeviceType.CPU);
    }
}
