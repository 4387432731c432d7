using GanKit.Layers;
using GanKit.Networks;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Tests.Building;

// Trains briefly: runs alone, as training draws from torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class ConditionalFromModuleTests
{
    [Fact]
    public void Conditional_modules_of_your_own_train_as_a_pair_and_save_and_load()
    {
        using var dir = new TempDirectory();
        using var generator = Generators.FromModule(new TinyConditionalGenerator(), TinyGan.LatentDim, 3, 1, 8, 8);
        using var discriminator = Discriminators.FromModule(new TinyConditionalCritic(), 3, 1, 8, 8);
        using var data = TinyConditionalGan.Data();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;

        using (var trainer = new AdversarialTrainer(generator, discriminator, options))
        {
            trainer.Fit(data).Rows.Should().ContainSingle().Which.GeneratorLoss.Should().BeGreaterThan(0);
        }

        generator.ClassCount.Should().Be(3);
        discriminator.ClassCount.Should().Be(3);
        generator.Summary().Should().Contain("Label path: 3 classes, read by layers.0 (Module(TinyConditionalGenerator))");
        string path = Path.Combine(dir.Path, "g.gan");
        generator.Save(path);
        using var loaded = GeneratorNetwork.Load(path, new TinyConditionalGenerator());
        loaded.ClassCount.Should().Be(3);
        using var a = generator.Generate(3, [0, 1, 2], seed: 4);
        using var b = loaded.Generate(3, [0, 1, 2], seed: 4);
        TensorAssert.Identical(a, b).Should().BeTrue();
        FluentActions.Invoking(() => GeneratorNetwork.Load(path, nn.Sequential(nn.Linear(TinyGan.LatentDim, 64), nn.Unflatten(1, [1, 8, 8]))))
            .Should().Throw<InvalidDataException>().WithMessage("*conditional module's weights (3 classes)*does not derive from ConditionalModule*");
    }

    [Fact]
    public void A_conditional_module_of_the_wrong_shape_is_named_with_both_shapes()
    {
        FluentActions.Invoking(() => Generators.FromModule(new TinyConditionalGenerator(), TinyGan.LatentDim, 3, 1, 4, 4))
            .Should().Throw<ArgumentException>().WithMessage("*TinyConditionalGenerator maps input [2, 8] to [2, 1, 8, 8]; expected [2, 1, 4, 4]*");
        FluentActions.Invoking(() => Generators.FromModule(new TinyConditionalGenerator(), TinyGan.LatentDim, 1, 1, 8, 8))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("classCount");
    }

    /// <summary>A conditional generator written by hand: noise plus a label embedding, one linear map, a tanh.</summary>
    private sealed class TinyConditionalGenerator : ConditionalModule
    {
        private readonly Embedding labels = nn.Embedding(3, 4);
        private readonly Linear linear = nn.Linear(TinyGan.LatentDim + 4, 64);

        public TinyConditionalGenerator() : base(nameof(TinyConditionalGenerator)) => RegisterComponents();

        public override Tensor forward(Tensor input, Tensor labelIndices)
        {
            using var scope = NewDisposeScope();
            var joined = torch.cat([input, labels.call(labelIndices)], 1);
            return linear.call(joined).tanh().view(-1, 1, 8, 8).MoveToOuterDisposeScope();
        }
    }

    /// <summary>A projection critic written by hand.</summary>
    private sealed class TinyConditionalCritic : ConditionalModule
    {
        private readonly Linear features = nn.Linear(64, 16);
        private readonly Linear logit = nn.Linear(16, 1);
        private readonly Embedding labels = nn.Embedding(3, 16);

        public TinyConditionalCritic() : base(nameof(TinyConditionalCritic)) => RegisterComponents();

        public override Tensor forward(Tensor input, Tensor labelIndices)
        {
            using var scope = NewDisposeScope();
            var h = nn.functional.leaky_relu(features.call(input.flatten(1)), 0.2);
            return logit.call(h).add(labels.call(labelIndices).mul(h).sum(1, keepdim: true)).MoveToOuterDisposeScope();
        }
    }
}
