using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Building;

// Runs alone: the trainer draws from torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class FromModuleTests
{
    internal static nn.Module<Tensor, Tensor> PlainGenerator() =>
        nn.Sequential(nn.Linear(TinyGan.LatentDim, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 64), nn.Tanh(), nn.Unflatten(1, [1, 8, 8]));

    internal static nn.Module<Tensor, Tensor> PlainDiscriminator() =>
        nn.Sequential(nn.Flatten(), nn.Linear(64, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1));

    [Fact]
    public void A_plain_sequential_generator_and_discriminator_train_through_the_trainer()
    {
        using var dir = new TempDirectory();
        torch.manual_seed(3);
        using var generator = Generators.FromModule(PlainGenerator(), TinyGan.LatentDim, 1, 8, 8);
        using var discriminator = Discriminators.FromModule(PlainDiscriminator(), 1, 8, 8);
        using var before = generator.parameters().First().detach().clone();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, TinyGan.Options(dir.Path));

        var history = trainer.Fit(data);

        history.Rows.Should().HaveCount(2);
        history.Rows.Should().OnlyContain(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss));
        TensorAssert.Identical(generator.parameters().First(), before).Should().BeFalse("the wrapped module's weights were trained");
        generator.LatentDim.Should().Be(TinyGan.LatentDim);
        generator.OutputShape.Should().Equal(1, 8, 8);
        discriminator.InputShape.Should().Equal(1, 8, 8);
        generator.named_parameters().Select(p => p.name).Should().Contain("layers.0.0.weight", "the module's own names follow the layer prefix");
        File.Exists(Path.Combine(dir.Path, "samples", "epoch-0002.png")).Should().BeTrue();
    }

    [Fact]
    public void A_generator_module_of_another_output_shape_is_rejected_naming_both_shapes()
    {
        FluentActions.Invoking(() => Generators.FromModule(PlainGenerator(), TinyGan.LatentDim, 1, 28, 28))
            .Should().Throw<ArgumentException>().WithMessage("*[2, 8]*[2, 1, 8, 8]*expected [2, 1, 28, 28]*");
    }

    [Fact]
    public void A_discriminator_module_that_does_not_give_one_logit_is_rejected_naming_both_shapes()
    {
        FluentActions.Invoking(() => Discriminators.FromModule(nn.Sequential(nn.Flatten(), nn.Linear(64, 3)), 1, 8, 8))
            .Should().Throw<ArgumentException>().WithMessage("*[2, 1, 8, 8]*[2, 3]*expected [2, 1]*");
    }

    [Fact]
    public void A_module_that_cannot_take_the_input_is_rejected_naming_the_input_shape()
    {
        FluentActions.Invoking(() => Discriminators.FromModule(PlainDiscriminator(), 1, 28, 28))
            .Should().Throw<ArgumentException>().WithMessage("*failed on an input of shape [2, 1, 28, 28]*");
    }

    [Fact]
    public void The_shape_check_leaves_running_statistics_and_training_mode_alone()
    {
        var module = PlainGenerator();
        module.train();
        using var mean = module.named_buffers().Single(b => b.name.EndsWith("running_mean", StringComparison.Ordinal)).buffer.clone();

        using var generator = Generators.FromModule(module, TinyGan.LatentDim, 1, 8, 8);

        module.training.Should().BeTrue();
        TensorAssert.Identical(generator.named_buffers().Single(b => b.name.EndsWith("running_mean", StringComparison.Ordinal)).buffer, mean).Should().BeTrue();
    }

    [Fact]
    public void A_wrapped_module_shows_as_one_layer_in_the_summary()
    {
        var module = PlainDiscriminator();
        using var first = Discriminators.FromModule(module, 1, 8, 8);
        first.Definitions.Should().ContainSingle().Which.Kind.Should().Be("Module(Sequential)");
        first.Summary().Should().Contain("Module(Sequential)");
    }
}
