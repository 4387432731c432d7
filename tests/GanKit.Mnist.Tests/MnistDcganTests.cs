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

    [Theory]
    [InlineData("ConditionalOriginalGenerator", "OriginalGenerator", 500 + (50 * 7 * 7 * 256))]
    [InlineData("ConditionalModifiedGenerator", "ModifiedGenerator", 500 + (50 * 7 * 7 * 256))]
    [InlineData("ConditionalOriginalGenerator/bn", "OriginalGenerator", 9 * 2 * ((7 * 7 * 256) + 128 + 64))]
    [InlineData("ConditionalModifiedGenerator/bn", "ModifiedGenerator", 9 * 2 * ((7 * 7 * 256) + 128 + 64 + 128))]
    [InlineData("ConditionalOriginalDiscriminator", "OriginalDiscriminator", 10 * 7 * 7 * 128)]
    [InlineData("ConditionalModifiedDiscriminator", "ModifiedDiscriminator", 10 * 4 * 4 * 256)]
    public void Conditional_presets_add_only_their_label_path_to_the_trunk(string conditional, string plain, long labelPath)
    {
        var network = Create(conditional);
        var trunk = Create(plain);

        // Embedding: the table and the first dense layer's extra inputs. Conditional batch norm:
        // each batch norm's one gain and bias per channel become ten, one per digit.
        network.ClassCount.Should().Be(10);
        network.TrainableParameterCount.Should().Be(trunk.TrainableParameterCount + labelPath);
        network.NonTrainableParameterCount.Should().Be(trunk.NonTrainableParameterCount, "the running statistics are shared by all digits");
        network.Definitions.Select(d => d.Kind.Replace("ConditionalBatchNorm", "BatchNorm", StringComparison.Ordinal)).Where(k => k is not ("LabelEmbedding" or "Projection"))
            .Should().Equal(trunk.Definitions.Select(d => d.Kind).Where(k => k != "Dense" || trunk is GeneratorNetwork), "the same trunk, with the final Dense(1) replaced by the projection head");
    }

    [Theory]
    [InlineData("ConditionalOriginalGenerator", 2_933_172)]
    [InlineData("ConditionalModifiedGenerator", 3_139_828)]
    [InlineData("ConditionalOriginalGenerator/bn", 2_534_720)]
    [InlineData("ConditionalModifiedGenerator/bn", 2_743_680)]
    [InlineData("ConditionalOriginalDiscriminator", 275_585)]
    [InlineData("ConditionalModifiedDiscriminator", 1_071_105)]
    public void Conditional_preset_parameter_counts_are_the_documented_ones(string preset, long trainable)
    {
        Create(preset).TrainableParameterCount.Should().Be(trainable);
    }

    [Fact]
    public void The_conditional_batch_norm_path_replaces_every_batch_norm_and_adds_no_embedding()
    {
        using var generator = MnistDcgan.ConditionalModifiedGenerator(1, MnistLabelPath.ConditionalBatchNorm);

        generator.Definitions.Select(d => d.Kind).Should().NotContain(["LabelEmbedding", "BatchNorm"]).And.Contain("ConditionalBatchNorm");
        generator.LatentDim.Should().Be(100);
        FluentActions.Invoking(() => MnistDcgan.ConditionalOriginalGenerator(1, (MnistLabelPath)7)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("labelPath");
    }

    [Fact]
    public void Conditional_presets_map_noise_and_digits_to_images_and_images_and_digits_to_logits()
    {
        using var generator = MnistDcgan.ConditionalOriginalGenerator(1);
        using var discriminator = MnistDcgan.ConditionalModifiedDiscriminator(2);
        generator.eval();
        discriminator.eval();
        using var noGrad = no_grad();
        using var digits = tensor(new long[] { 0, 9 });
        using var images = generator.forward(randn(2, 100), digits);
        using var logits = discriminator.forward(images, digits);

        images.shape.Should().Equal(2, 1, 28, 28);
        logits.shape.Should().Equal(2, 1);
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
        "ConditionalOriginalGenerator" => MnistDcgan.ConditionalOriginalGenerator(),
        "ConditionalOriginalDiscriminator" => MnistDcgan.ConditionalOriginalDiscriminator(),
        "ConditionalModifiedGenerator" => MnistDcgan.ConditionalModifiedGenerator(),
        "ConditionalModifiedDiscriminator" => MnistDcgan.ConditionalModifiedDiscriminator(),
        "ConditionalOriginalGenerator/bn" => MnistDcgan.ConditionalOriginalGenerator(labelPath: MnistLabelPath.ConditionalBatchNorm),
        "ConditionalModifiedGenerator/bn" => MnistDcgan.ConditionalModifiedGenerator(labelPath: MnistLabelPath.ConditionalBatchNorm),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
