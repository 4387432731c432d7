using GanKit.Mnist;
using GanKit.Networks;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests;

public class MnistDcganTests
{
    public static TheoryData<string, int> PresetsAndBatches()
    {
        var data = new TheoryData<string, int>();
        foreach (var preset in new[] { "OriginalGenerator", "OriginalDiscriminator", "ModifiedGenerator", "ModifiedDiscriminator" })
        {
            foreach (int batch in new[] { 1, 2, 16 })
            {
                data.Add(preset, batch);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PresetsAndBatches))]
    public void Presets_produce_the_report_shapes(string preset, int batch)
    {
        using var _ = NewDisposeScope();
        LayerStackNetwork network = Create(preset);
        network.eval();
        using var noGrad = no_grad();
        if (network is GeneratorNetwork generator)
        {
            generator.LatentDim.Should().Be(100);
            generator.OutputShape.Should().Equal(1, 28, 28);
            generator.call(randn(batch, 100)).shape.Should().Equal(batch, 1, 28, 28);
        }
        else
        {
            var discriminator = (DiscriminatorNetwork)network;
            discriminator.InputShape.Should().Equal(1, 28, 28);
            discriminator.call(randn(batch, 1, 28, 28)).shape.Should().Equal(batch, 1);
        }
    }

    [Theory]
    [InlineData("OriginalGenerator", 2_305_472, 25_472)]
    [InlineData("OriginalDiscriminator", 212_865, 0)]
    [InlineData("ModifiedGenerator", 2_512_128, 25_728)]
    [InlineData("ModifiedDiscriminator", 1_030_145, 0)]
    public void Parameter_counts_match_the_Keras_models(string preset, long trainable, long nonTrainable)
    {
        var network = Create(preset);
        network.TrainableParameterCount.Should().Be(trainable);
        network.NonTrainableParameterCount.Should().Be(nonTrainable);
        network.Layers.Sum(l => l.TrainableParameters).Should().Be(trainable);
        network.Layers.Sum(l => l.NonTrainableParameters).Should().Be(nonTrainable);
    }

    [Fact]
    public void Original_generator_summary_lists_each_Keras_layer()
    {
        var rows = MnistDcgan.OriginalGenerator().Layers;
        rows.Select(r => r.Kind).Should().Equal(
            "Dense", "BatchNorm", "LeakyReLU", "Reshape",
            "ConvTranspose2d", "BatchNorm", "LeakyReLU",
            "ConvTranspose2d", "BatchNorm", "LeakyReLU",
            "ConvTranspose2d", "Tanh");
        rows[0].OutputShape.Should().Equal(12544);
        rows[0].TrainableParameters.Should().Be(1_254_400);
        rows[1].NonTrainableParameters.Should().Be(25_088);
        rows[3].OutputShape.Should().Equal(256, 7, 7);
        rows[4].OutputShape.Should().Equal(128, 7, 7);
        rows[4].TrainableParameters.Should().Be(819_200);
        rows[7].OutputShape.Should().Equal(64, 14, 14);
        rows[10].OutputShape.Should().Equal(1, 28, 28);
        rows[10].TrainableParameters.Should().Be(1_600);
    }

    [Fact]
    public void Modified_discriminator_flattens_256_by_4_by_4_and_regularizes_two_kernels()
    {
        var network = MnistDcgan.ModifiedDiscriminator();
        var rows = network.Layers;
        rows.Single(r => r.Kind == "Flatten").OutputShape.Should().Equal(4096);
        rows.Where(r => r.Kind == "Conv2d").Select(r => r.OutputShape).Should().BeEquivalentTo(
            new[] { new long[] { 64, 14, 14 }, [128, 7, 7], [256, 4, 4] }, o => o.WithStrictOrdering());

        using var loss = network.RegularizationLoss();
        var kernels = network.named_parameters().Where(p => p.name is "layers.3.weight" or "layers.6.weight").Select(p => p.parameter).ToList();
        kernels.Should().HaveCount(2);
        double expected = kernels.Sum(k => 0.01 * k.square().sum().item<float>());
        loss.item<float>().Should().BeApproximately((float)expected, (float)(expected * 1e-4));
    }

    [Fact]
    public void Original_discriminator_has_no_regularization()
    {
        using var loss = MnistDcgan.OriginalDiscriminator().RegularizationLoss();
        loss.item<float>().Should().Be(0);
    }

    [Fact]
    public void Presets_use_Keras_batch_norm_settings()
    {
        var norms = MnistDcgan.OriginalGenerator().modules().OfType<TorchSharp.Modules.BatchNorm>().ToList();
        norms.Should().HaveCount(3);
        foreach (var norm in norms)
        {
            norm.eps.Should().Be(1e-3);
            norm.momentum.Should().BeApproximately(0.01, 1e-12);
        }
    }

    [Fact]
    public void Each_call_returns_a_freshly_initialised_network()
    {
        var a = MnistDcgan.OriginalDiscriminator();
        var b = MnistDcgan.OriginalDiscriminator();
        a.named_parameters().First().parameter.sub(b.named_parameters().First().parameter).abs().max().item<float>().Should().BeGreaterThan(0);
    }

    private static LayerStackNetwork Create(string preset) => preset switch
    {
        "OriginalGenerator" => MnistDcgan.OriginalGenerator(),
        "OriginalDiscriminator" => MnistDcgan.OriginalDiscriminator(),
        "ModifiedGenerator" => MnistDcgan.ModifiedGenerator(),
        "ModifiedDiscriminator" => MnistDcgan.ModifiedDiscriminator(),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
