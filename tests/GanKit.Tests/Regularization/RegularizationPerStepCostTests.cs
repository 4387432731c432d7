using GanKit.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Tests.Regularization;

/// <summary>
/// <see cref="LayerStackNetwork.RegularizationLoss"/> and <see cref="LayerStackNetwork.Device"/> run
/// once per training step, so they must not walk the module tree or the parameter list each time,
/// yet must still see the tensors a move put in place.
/// </summary>
public class RegularizationPerStepCostTests
{
    /// <summary>A scale layer whose module counts how often the network walks into it.</summary>
    private sealed class CountingScaleLayer(long features) : ILayer
    {
        public CountingScale? Module { get; private set; }

        public string Kind => "CountingScale";

        public long[] InferOutputShape(long[] inputShape) => inputShape;

        public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => Module = new CountingScale(features);
    }

    private sealed class CountingScale : nn.Module<Tensor, Tensor>
    {
        private readonly Parameter scale;

        public CountingScale(long features) : base(nameof(CountingScale))
        {
            scale = new Parameter(ones(features));
            RegisterComponents();
        }

        public int Walks { get; set; }

        public override Tensor forward(Tensor input) => input.mul(scale);

        public override IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
        {
            Walks++;
            return base.named_parameters(recurse);
        }

        public override IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
        {
            Walks++;
            return base.named_buffers(recurse, include_nonpersistent);
        }

        public override IEnumerable<(string name, nn.Module module)> named_modules()
        {
            Walks++;
            return base.named_modules();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Repeated_calls_walk_no_module_and_no_parameter_list(bool regularized)
    {
        using var _ = NewDisposeScope();
        var counting = new CountingScaleLayer(3);
        var network = new DiscriminatorBuilder(3)
            .Add(counting)
            .Dense(4, regularizer: regularized ? Regularizers.L2(0.25) : null)
            .Dense(1)
            .Build();
        var kernel = network.named_parameters().Single(p => p.name == "layers.1.weight").parameter;
        double expected = regularized ? 0.25 * kernel.square().sum().item<float>() : 0;
        counting.Module!.Walks = 0;

        for (int step = 0; step < 5; step++)
        {
            network.RegularizationLoss().item<float>().Should().BeApproximately((float)expected, 1e-6f);
            network.Device.type.Should().Be(DeviceType.CPU);
        }

        counting.Module.Walks.Should().Be(0, "the regularized modules and the device's owner are found once, when the network is built");
    }

    [Fact]
    public void The_term_uses_the_parameters_a_conversion_put_in_place()
    {
        using var _ = NewDisposeScope();
        var network = new GeneratorBuilder(3).Dense(4, regularizer: Regularizers.L2(0.5)).Dense(2).Build();
        var before = network.named_parameters().Single(p => p.name == "layers.0.weight").parameter;

        // Converting replaces every Parameter object; a cached tensor would still be the float32 one.
        network.to(ScalarType.Float64);
        var kernel = network.named_parameters().Single(p => p.name == "layers.0.weight").parameter;
        ReferenceEquals(kernel, before).Should().BeFalse();

        var loss = network.RegularizationLoss();
        loss.dtype.Should().Be(ScalarType.Float64);
        loss.item<double>().Should().BeApproximately(0.5 * kernel.square().sum().item<double>(), 1e-12);
        loss.backward();
        kernel.grad!.allclose(kernel.mul(1.0)).Should().BeTrue();
        network.Device.type.Should().Be(DeviceType.CPU);
    }
}
