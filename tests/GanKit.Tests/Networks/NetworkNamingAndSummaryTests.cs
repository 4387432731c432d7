using GanKit.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Networks;

public class NetworkNamingAndSummaryTests
{
    private static GeneratorNetwork SmallGenerator() => new GeneratorBuilder(8)
        .Dense(2 * 3 * 3, bias: false).BatchNorm().LeakyReLU()
        .Reshape(2, 3, 3)
        .ConvTranspose2d(1, 3, 2, Padding.Same).Tanh()
        .Build();

    [Fact]
    public void State_dict_keys_are_stable_layer_indices()
    {
        SmallGenerator().state_dict().Keys.Should().BeEquivalentTo(
            "layers.0.weight",
            "layers.1.weight", "layers.1.bias", "layers.1.running_mean", "layers.1.running_var", "layers.1.num_batches_tracked",
            "layers.4.weight", "layers.4.bias");
    }

    [Fact]
    public void Weights_round_trip_through_save_and_load_into_a_new_network()
    {
        using var _ = NewDisposeScope();
        var source = SmallGenerator();
        var target = SmallGenerator();
        using var stream = new MemoryStream();
        source.save(stream);
        using var reader = new MemoryStream(stream.ToArray());
        target.load(reader);
        source.eval();
        target.eval();
        var z = randn(2, 8);
        source.call(z).equal(target.call(z)).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public void Summary_rows_and_totals()
    {
        var network = SmallGenerator();
        var rows = network.Layers;
        rows.Select(r => (r.Index, r.Name, r.Kind)).Should().Equal(
            (0, "layers.0", "Dense"), (1, "layers.1", "BatchNorm"), (2, "layers.2", "LeakyReLU"),
            (3, "layers.3", "Reshape"), (4, "layers.4", "ConvTranspose2d"), (5, "layers.5", "Tanh"));
        rows[0].OutputShape.Should().Equal(18);
        rows[0].TrainableParameters.Should().Be(8 * 18);
        rows[0].MultiplyAccumulates.Should().Be(8 * 18);
        rows[1].TrainableParameters.Should().Be(36);
        rows[1].NonTrainableParameters.Should().Be(36);
        rows[0].ParameterBytes.Should().Be(8 * 18 * sizeof(float));
        rows[1].ParameterBytes.Should().Be((72 * sizeof(float)) + sizeof(long), "gain, bias and running statistics in float32, the batch counter in int64");
        rows[4].InputShape.Should().Equal(2, 3, 3);
        rows[4].OutputShape.Should().Equal(1, 6, 6);
        rows[4].TrainableParameters.Should().Be((2 * 1 * 9) + 1);
        rows[4].MultiplyAccumulates.Should().Be(3 * 3 * 2 * 1 * 9);
        network.TrainableParameterCount.Should().Be(144 + 36 + 19);
        network.NonTrainableParameterCount.Should().Be(36);
        network.MultiplyAccumulatesPerSample.Should().Be(144 + 162);

        string summary = network.Summary();
        summary.Should().Contain("layers.4 (ConvTranspose2d)").And.Contain("[1, 6, 6]");
        summary.Should().Contain("Trainable parameters: 199").And.Contain("Non-trainable parameters: 36");
        summary.Should().Contain("Total parameters: 235").And.Contain("Multiply-accumulates per sample: 306");
        summary.Split(Environment.NewLine).Should().Contain(line => line.StartsWith("layers.0 (Dense)", StringComparison.Ordinal) && line.Contains("144"));
    }

    [Fact]
    public void Frozen_parameters_count_as_non_trainable()
    {
        var network = new DiscriminatorBuilder(4).Dense(1).Build();
        foreach (var p in network.parameters())
        {
            p.requires_grad = false;
        }

        network.TrainableParameterCount.Should().Be(0);
        network.NonTrainableParameterCount.Should().Be(5);
        network.Layers[0].NonTrainableParameters.Should().Be(5);
    }

    [Fact]
    public void Forward_rejects_inputs_of_the_wrong_shape_naming_both()
    {
        using var _ = NewDisposeScope();
        var generator = SmallGenerator();
        FluentActions.Invoking(() => generator.call(randn(2, 9)))
            .Should().Throw<ArgumentException>().WithMessage("GeneratorNetwork takes [N, 8]; got [2, 9].*");
        var discriminator = new DiscriminatorBuilder(1, 4, 4).Flatten().Dense(1).Build();
        FluentActions.Invoking(() => discriminator.call(randn(4, 16)))
            .Should().Throw<ArgumentException>().WithMessage("DiscriminatorNetwork takes [N, 1, 4, 4]; got [4, 16].*");
    }

    [Fact]
    public void Networks_expose_their_shapes_and_definitions()
    {
        var generator = SmallGenerator();
        generator.LatentDim.Should().Be(8);
        generator.OutputShape.Should().Equal(1, 6, 6);
        generator.Definitions.Should().HaveCount(6);
        new DiscriminatorBuilder(1, 4, 4).Flatten().Dense(1).Build().InputShape.Should().Equal(1, 4, 4);
    }
}
