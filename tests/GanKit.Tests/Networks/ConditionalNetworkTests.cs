using GanKit.Networks;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Networks;

public sealed class ConditionalNetworkTests
{
    [Fact]
    public void A_conditioned_generators_output_changes_with_the_label_and_not_only_with_the_noise()
    {
        using var generator = TinyConditionalGan.Generator();
        generator.eval();
        using var noise = torch.randn(1, TinyGan.LatentDim, generator: new torch.Generator(5)).expand(3, TinyGan.LatentDim).contiguous();
        using var labels = torch.tensor(new long[] { 0, 1, 2 });
        using var images = generator.forward(noise, labels);
        using var again = generator.forward(noise, labels);

        generator.ClassCount.Should().Be(TinyConditionalGan.Classes);
        TensorAssert.Identical(images, again).Should().BeTrue("the same noise and labels give the same images");
        for (int a = 0; a < 3; a++)
        {
            for (int b = a + 1; b < 3; b++)
            {
                using var gap = (images[a] - images[b]).abs().max();
                gap.item<float>().Should().BeGreaterThan(1e-4f, $"classes {a} and {b} share the noise, so only the label separates them");
            }
        }
    }

    [Fact]
    public void Networks_refuse_missing_labels_labels_they_cannot_read_and_malformed_labels()
    {
        using var conditional = TinyConditionalGan.Generator();
        using var plain = TinyGan.Generator();
        using var noise = torch.randn(2, TinyGan.LatentDim);

        FluentActions.Invoking(() => conditional.call(noise)).Should().Throw<InvalidOperationException>().WithMessage("*conditioned on 3 classes*forward(input, labels)*");
        FluentActions.Invoking(() => plain.forward(noise, torch.zeros(2, dtype: ScalarType.Int64))).Should().Throw<InvalidOperationException>().WithMessage("*unconditional*");
        FluentActions.Invoking(() => conditional.forward(noise, torch.zeros(2, dtype: ScalarType.Int32))).Should().Throw<ArgumentException>().WithMessage("*int64 [N] with N = 2*Int32*");
        FluentActions.Invoking(() => conditional.forward(noise, torch.zeros(3, dtype: ScalarType.Int64))).Should().Throw<ArgumentException>().WithMessage("*N = 2*[3]*");
        FluentActions.Invoking(() => conditional.Generate(2, [0, 3])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Label 1 is 3*0 to 2*");
        FluentActions.Invoking(() => plain.Generate(1, [0])).Should().Throw<InvalidOperationException>().WithMessage("*unconditional*");
    }

    [Fact]
    public void Builders_refuse_label_layers_that_disagree_on_classes_and_a_head_that_is_not_last()
    {
        FluentActions.Invoking(() => new GeneratorBuilder(4).LabelEmbedding(3, 2).Dense(8).ConditionalBatchNorm(4))
            .Should().Throw<ArgumentException>().WithMessage("Layer 2 (ConditionalBatchNorm) reads 4 classes, but layer 0 (LabelEmbedding) reads 3*");
        FluentActions.Invoking(() => new DiscriminatorBuilder(4).AuxiliaryClassifier(3).Dense(1).Build())
            .Should().Throw<InvalidOperationException>().WithMessage("Layer 0 (AuxiliaryClassifier) must be the discriminator's last layer*");
    }

    [Fact]
    public void Summaries_show_where_labels_enter_and_the_auxiliary_head()
    {
        using var generator = TinyConditionalGan.Generator();
        using var projection = TinyConditionalGan.ProjectionDiscriminator();
        using var auxiliary = TinyConditionalGan.AuxiliaryClassifierDiscriminator();

        generator.Summary().Should().Contain("layers.0 (LabelEmbedding)").And.EndWith("Label path: 3 classes, read by layers.0 (LabelEmbedding), layers.2 (ConditionalBatchNorm)");
        projection.Summary().Should().EndWith("Label path: 3 classes, read by layers.3 (Projection)");
        auxiliary.Summary().Should().EndWith("Auxiliary classifier: 3 class logits after the adversarial logit, in layers.3 (AuxiliaryClassifier)");
        auxiliary.ClassCount.Should().BeNull("the head reads no labels");
    }

    [Fact]
    public void An_auxiliary_discriminator_returns_its_logit_alone_from_forward_and_both_from_evaluate()
    {
        using var discriminator = TinyConditionalGan.AuxiliaryClassifierDiscriminator();
        discriminator.eval();
        using var images = torch.rand(5, 1, 8, 8, generator: new torch.Generator(2));
        using var logits = discriminator.call(images);
        var both = discriminator.Evaluate(images);

        discriminator.AuxiliaryClassCount.Should().Be(3);
        logits.shape.Should().Equal(5, 1);
        both.ClassLogits!.shape.Should().Equal(5, 3);
        TensorAssert.Identical(both.Logits, logits).Should().BeTrue();
    }

    [Fact]
    public void Conditional_networks_save_and_load_with_their_label_paths()
    {
        using var dir = new TempDirectory();
        using var generator = TinyConditionalGan.Generator();
        using var labelMaps = TinyConditionalGan.LabelMapsDiscriminator();
        using var auxiliary = TinyConditionalGan.AuxiliaryClassifierDiscriminator();
        generator.Save(Path.Combine(dir.Path, "g.gan"));
        labelMaps.Save(Path.Combine(dir.Path, "d.gan"));
        auxiliary.Save(Path.Combine(dir.Path, "a.gan"));

        using var loadedGenerator = GeneratorNetwork.Load(Path.Combine(dir.Path, "g.gan"));
        using var loadedLabelMaps = DiscriminatorNetwork.Load(Path.Combine(dir.Path, "d.gan"));
        using var loadedAuxiliary = DiscriminatorNetwork.Load(Path.Combine(dir.Path, "a.gan"));

        loadedGenerator.ClassCount.Should().Be(3);
        loadedLabelMaps.ClassCount.Should().Be(3);
        loadedAuxiliary.AuxiliaryClassCount.Should().Be(3);
        using var a = generator.Generate(4, [0, 1, 2, 1], seed: 9);
        using var b = loadedGenerator.Generate(4, [0, 1, 2, 1], seed: 9);
        TensorAssert.Identical(a, b).Should().BeTrue("the loaded generator is the saved one");
        labelMaps.eval();
        loadedLabelMaps.eval();
        using var labels = torch.tensor(new long[] { 2, 0, 1, 1 });
        using var d = labelMaps.forward(a, labels);
        using var loadedD = loadedLabelMaps.forward(a, labels);
        TensorAssert.Identical(d, loadedD).Should().BeTrue();
    }

    [Fact]
    public void Generate_with_a_seed_repeats_and_without_labels_draws_classes()
    {
        using var generator = TinyConditionalGan.Generator();
        using var first = generator.Generate(6, seed: 3);
        using var second = generator.Generate(6, seed: 3);

        first.shape.Should().Equal(6, 1, 8, 8);
        TensorAssert.Identical(first, second).Should().BeTrue();
        generator.training.Should().BeTrue("the training mode is restored");
    }
}
