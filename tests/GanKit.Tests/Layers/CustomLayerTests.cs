using GanKit.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Tests.Layers;

public class CustomLayerTests
{
    /// <summary>A user's layer: a learnable per-channel scale for images with a fixed channel count.</summary>
    private sealed class ChannelScaleLayer(long channels) : ILayer
    {
        public string Kind => "ChannelScale";

        public long[] InferOutputShape(long[] inputShape)
        {
            if (inputShape.Length != 3 || inputShape[0] != channels)
            {
                throw new ArgumentException($"ChannelScale needs [{channels}, H, W].");
            }

            return inputShape;
        }

        public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new ChannelScale(channels);

        public long MultiplyAccumulates(long[] inputShape) => inputShape[0] * inputShape[1] * inputShape[2];
    }

    private sealed class ChannelScale : nn.Module<Tensor, Tensor>
    {
        private readonly Parameter scale;

        public ChannelScale(long channels) : base(nameof(ChannelScale))
        {
            scale = new Parameter(ones(channels, 1, 1));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => input.mul(scale);
    }

    [Fact]
    public void A_custom_layer_is_checked_built_summarised_and_trained_for_one_step()
    {
        var network = new DiscriminatorBuilder(1, 6, 6)
            .Conv2d(3, 3, 1, Padding.Same)
            .Add(new ChannelScaleLayer(3))
            .Flatten()
            .Dense(1)
            .Build();
        network.Layers[1].Kind.Should().Be("ChannelScale");
        network.Layers[1].TrainableParameters.Should().Be(3);
        network.Layers[1].MultiplyAccumulates.Should().Be(108);
        network.state_dict().Keys.Should().Contain("layers.1.scale");

        var scale = network.named_parameters().Single(p => p.name == "layers.1.scale").parameter;
        var before = scale.clone();
        var optimizer = optim.SGD(network.parameters(), 0.1);
        using (NewDisposeScope())
        {
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(network.call(randn(4, 1, 6, 6)), ones(4, 1));
            loss.backward();
            optimizer.step();
        }

        scale.equal(before).all().item<bool>().Should().BeFalse();
    }

    [Fact]
    public void A_custom_layer_rejecting_a_shape_is_reported_like_a_built_in_one()
    {
        FluentActions.Invoking(() => new DiscriminatorBuilder(1, 6, 6).Conv2d(2, 3).Add(new ChannelScaleLayer(3)))
            .Should().Throw<ArgumentException>()
            .WithMessage("Layer 1 (ChannelScale) cannot take input shape [2, 4, 4]: ChannelScale needs [3, H, W].*")
            .WithInnerException<ArgumentException>();
    }
}
