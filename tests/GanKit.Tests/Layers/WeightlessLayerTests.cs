using GanKit.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Layers;

public class WeightlessLayerTests
{
    private static Tensor Apply(ILayer layer, Tensor sample)
    {
        var module = layer.CreateModule(sample.shape);
        module.eval();
        return module.call(sample.unsqueeze(0)).squeeze(0);
    }

    [Fact]
    public void Activations_compute_their_functions()
    {
        using var _ = NewDisposeScope();
        var x = tensor(new float[] { -2, 0, 3 });
        Apply(new LeakyReLULayer(), x).data<float>().ToArray().Should().Equal(-0.6f, 0f, 3f);
        Apply(new ReLULayer(), x).data<float>().ToArray().Should().Equal(0f, 0f, 3f);
        Apply(new SigmoidLayer(), x)[1].item<float>().Should().Be(0.5f);
        Apply(new TanhLayer(), x).allclose(x.tanh()).Should().BeTrue();
        Apply(new DropoutLayer(0.5), x).equal(x).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public void Upsample_repeats_each_pixel()
    {
        using var _ = NewDisposeScope();
        var image = arange(4, dtype: ScalarType.Float32).reshape(1, 2, 2);
        var up = Apply(new UpsampleLayer(2), image);
        up.shape.Should().Equal(1, 4, 4);
        up[0, 0].data<float>().ToArray().Should().Equal(0f, 0f, 1f, 1f);
        up[0, 3].data<float>().ToArray().Should().Equal(2f, 2f, 3f, 3f);
        new UpsampleLayer(3).InferOutputShape([2, 5, 7]).Should().Equal(2, 15, 21);
    }

    [Fact]
    public void Flatten_and_reshape_keep_channels_first_order()
    {
        using var _ = NewDisposeScope();
        var image = arange(12, dtype: ScalarType.Float32).reshape(3, 2, 2);
        var flat = Apply(new FlattenLayer(), image);
        flat.data<float>().ToArray().Should().Equal(Enumerable.Range(0, 12).Select(i => (float)i));
        Apply(new ReshapeLayer(3, 2, 2), flat).equal(image).all().item<bool>().Should().BeTrue();
    }
}
