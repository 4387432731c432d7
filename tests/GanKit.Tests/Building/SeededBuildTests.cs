using GanKit.Layers;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Building;

// Runs alone: it checks that torch's process-wide random stream is left untouched.
[Collection(NonParallelCollection.Name)]
public sealed class SeededBuildTests
{
    private static GanKit.Networks.DiscriminatorNetwork EveryInitializer(long? seed) => new DiscriminatorBuilder(1, 8, 8)
        .Conv2d(4, 3, 2, Padding.Same, initializer: Initializers.GlorotUniform, spectralNorm: true).LeakyReLU()
        .Conv2d(4, 3, 1, Padding.Same, initializer: Initializers.KaimingUniform).BatchNorm().Dropout(0.3)
        .Flatten()
        .Dense(8, initializer: Initializers.Normal()).ReLU()
        .Dense(1, spectralNorm: true)
        .Build(seed);

    [Fact]
    public void The_same_seed_gives_bit_identical_weights_with_every_initializer_and_spectral_norm()
    {
        using var first = EveryInitializer(5);
        using (torch.randn(100))
        {
            // Moves the global stream between the two builds: a seeded build must not see it.
        }

        using var second = EveryInitializer(5);
        using var other = EveryInitializer(6);

        TinyGan.ShouldBeIdentical(first, second);
        TensorAssert.Identical(first.parameters().First(), other.parameters().First()).Should().BeFalse("another seed gives other weights");
        TensorAssert.Identical(first.get_buffer("layers.0.spectral_u")!, other.get_buffer("layers.0.spectral_u")!).Should().BeFalse("the spectral-norm vector is drawn from the seed too");
    }

    [Fact]
    public void A_seeded_build_leaves_the_global_stream_where_it_was()
    {
        torch.manual_seed(123);
        using var expected = torch.rand(5);
        torch.manual_seed(123);
        using (EveryInitializer(9))
        using (TinyGan.Generator())
        {
        }

        using var actual = torch.rand(5);
        TensorAssert.Identical(actual, expected).Should().BeTrue("a seeded build neither reads nor advances torch's global stream");
    }

    [Fact]
    public void An_unseeded_build_still_draws_from_the_global_stream()
    {
        torch.manual_seed(4);
        using var first = EveryInitializer(null);
        torch.manual_seed(4);
        using var second = EveryInitializer(null);
        using var third = EveryInitializer(null);

        TinyGan.ShouldBeIdentical(first, second);
        TensorAssert.Identical(second.parameters().First(), third.parameters().First()).Should().BeFalse();
    }

    [Fact]
    public void A_custom_layer_without_a_seeded_overload_is_repeatable_and_leaves_the_global_stream()
    {
        GanKit.Networks.DiscriminatorNetwork Build(long seed) => new DiscriminatorBuilder(4).Add(new PlainLinearLayer(1)).Build(seed);

        torch.manual_seed(77);
        using var expected = torch.rand(3);
        torch.manual_seed(77);
        using var first = Build(11);
        using var second = Build(11);
        using var other = Build(12);
        using var actual = torch.rand(3);

        TinyGan.ShouldBeIdentical(first, second);
        TensorAssert.Identical(first.parameters().First(), other.parameters().First()).Should().BeFalse();
        TensorAssert.Identical(actual, expected).Should().BeTrue("the global stream is restored after the custom layer drew from it");
    }

    /// <summary>A layer of a user's own that knows nothing about seeds: TorchSharp's Linear draws from the global stream.</summary>
    private sealed class PlainLinearLayer(long units) : ILayer
    {
        public string Kind => "PlainLinear";

        public long[] InferOutputShape(long[] inputShape) => [units];

        public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => nn.Linear(inputShape[0], units);
    }
}
