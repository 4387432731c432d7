using GanKit.Layers;
using GanKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Layers;

public sealed class ConditionalLayerTests
{
    [Fact]
    public void Label_embedding_appends_the_labels_row_of_its_table_to_the_features()
    {
        var layer = new LabelEmbeddingLayer(3, 2);
        layer.InferOutputShape([5]).Should().Equal(7);
        using var module = (ConditionalModule)layer.CreateModule([5], new torch.Generator(4));
        module.parameters().Single().shape.Should().Equal(3, 2);
        using var features = torch.arange(10, dtype: ScalarType.Float32).view(2, 5);
        using var labels = torch.tensor(new long[] { 2, 0 });
        using var output = module.forward(features, labels);

        using var table = module.parameters().Single().detach();
        output.shape.Should().Equal(2, 7);
        TensorAssert.Identical(output.narrow(1, 0, 5), features).Should().BeTrue("the features pass through unchanged");
        TensorAssert.Identical(output[0].narrow(0, 5, 2), table[2]).Should().BeTrue("sample 0 asked for class 2");
        TensorAssert.Identical(output[1].narrow(0, 5, 2), table[0]).Should().BeTrue("sample 1 asked for class 0");
    }

    [Fact]
    public void Conditional_batch_norm_applies_each_labels_gain_and_bias_after_normalising()
    {
        var layer = new ConditionalBatchNormLayer(2);
        layer.InferOutputShape([3, 2, 2]).Should().Equal(3, 2, 2);
        using var module = (ConditionalModule)layer.CreateModule([3, 2, 2]);
        var named = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        named.Keys.Should().BeEquivalentTo("gain", "bias");
        named["gain"].shape.Should().Equal(2, 3);
        module.named_buffers().Select(b => b.name).Should().Contain(["norm.running_mean", "norm.running_var"]);
        using (torch.no_grad())
        {
            named["gain"][1].fill_(2f);
            named["bias"][1].fill_(0.5f);
        }

        using var input = torch.randn(4, 3, 2, 2, generator: new torch.Generator(1));
        using var labels = torch.tensor(new long[] { 0, 1, 0, 1 });
        using var output = module.forward(input, labels);
        using var plain = nn.BatchNorm2d(3, eps: layer.Epsilon, affine: false);
        using var normalised = plain.call(input);

        TensorAssert.Close(output[0], normalised[0], 1e-5).Should().BeTrue("class 0 keeps gain 1 and bias 0");
        TensorAssert.Close(output[1], normalised[1].mul(2f).add(0.5f), 1e-5).Should().BeTrue("class 1 has gain 2 and bias 0.5");
    }

    [Fact]
    public void Label_maps_append_the_one_hot_label_as_constant_channels()
    {
        var layer = new LabelMapsLayer(3);
        layer.InferOutputShape([1, 4, 4]).Should().Equal(4, 4, 4);
        using var module = (ConditionalModule)layer.CreateModule([1, 4, 4]);
        module.parameters().Should().BeEmpty();
        using var images = torch.full(2, 1, 4, 4, 0.25f);
        using var output = module.forward(images, torch.tensor(new long[] { 1, 2 }));

        output.shape.Should().Equal(2, 4, 4, 4);
        using var channelMeans = output.mean([2, 3]);
        TensorAssert.Close(channelMeans, torch.tensor(new float[,] { { 0.25f, 0, 1, 0 }, { 0.25f, 0, 0, 1 } }), 0).Should().BeTrue();
    }

    [Fact]
    public void The_projection_head_adds_the_label_embeddings_inner_product_to_the_linear_logit()
    {
        var layer = new ProjectionLayer(2);
        layer.InferOutputShape([3]).Should().Equal(1);
        layer.MultiplyAccumulates([3]).Should().Be(6);
        using var module = (ConditionalModule)layer.CreateModule([3]);
        var named = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        named.Keys.Should().BeEquivalentTo("weight", "bias", "embedding");
        using (torch.no_grad())
        {
            named["weight"].copy_(torch.tensor(new float[,] { { 1, 2, 3 } }));
            named["bias"].fill_(0.5f);
            named["embedding"].copy_(torch.tensor(new float[,] { { 1, 0, 0 }, { 0, -1, 2 } }));
        }

        using var features = torch.tensor(new float[,] { { 1, 1, 1 }, { 2, 0, -1 } });
        using var output = module.forward(features, torch.tensor(new long[] { 1, 0 }));

        // Sample 0: 1+2+3 + 0.5 + (0 - 1 + 2) = 7.5. Sample 1: 2+0-3 + 0.5 + 2 = 1.5.
        output.shape.Should().Equal(2, 1);
        TensorAssert.Close(output, torch.tensor(new float[,] { { 7.5f }, { 1.5f } }), 1e-6).Should().BeTrue();
    }

    [Fact]
    public void The_auxiliary_classifier_head_maps_features_to_one_logit_and_one_per_class()
    {
        var layer = new AuxiliaryClassifierLayer(4);
        layer.InferOutputShape([6]).Should().Equal(5);
        layer.MultiplyAccumulates([6]).Should().Be(30);
        using var module = layer.CreateModule([6], new torch.Generator(3));
        module.parameters().Sum(p => p.numel()).Should().Be((6 + 1) * 5);
    }

    [Fact]
    public void Conditional_layers_refuse_fewer_than_two_classes_and_shapes_they_cannot_take()
    {
        FluentActions.Invoking(() => new LabelEmbeddingLayer(1, 4)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("classCount");
        FluentActions.Invoking(() => new LabelEmbeddingLayer(3, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("dimensions");
        FluentActions.Invoking(() => new LabelMapsLayer(3).InferOutputShape([12])).Should().Throw<ArgumentException>().WithMessage("*[C, H, W]*");
        FluentActions.Invoking(() => new ProjectionLayer(3).InferOutputShape([1, 4, 4])).Should().Throw<ArgumentException>().WithMessage("*Flatten()*");
        FluentActions.Invoking(() => new ConditionalBatchNormLayer(3).InferOutputShape([2, 2])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_conditional_module_called_without_labels_says_to_pass_them()
    {
        using var module = new LabelMapsLayer(3).CreateModule([1, 2, 2]);
        using var images = torch.zeros(1, 1, 2, 2);

        FluentActions.Invoking(() => module.call(images)).Should().Throw<InvalidOperationException>().WithMessage("*forward(input, labels)*");
    }
}
