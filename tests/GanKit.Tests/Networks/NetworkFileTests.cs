using GanKit.Layers;
using GanKit.Networks;
using GanKit.Networks.Saving;
using GanKit.Tests.Building;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Networks;

// Runs alone: training draws from torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class NetworkFileTests
{
    private static GeneratorNetwork EveryLayerGenerator() => new GeneratorBuilder(6)
        .Dense(4 * 2 * 2, bias: false, spectralNorm: true).BatchNorm().LeakyReLU(0.2)
        .Reshape(4, 2, 2)
        .Upsample(2)
        .ConvTranspose2d(3, 3, 2, Padding.Same, regularizer: Regularizers.L2(0.01)).BatchNorm().ReLU()
        .Conv2d(1, 3, 1, 1).Dropout(0.1).Sigmoid()
        .Build(seed: 4);

    private static Tensor Draw(GeneratorNetwork generator, long count = 4, ulong seed = 5)
    {
        using var random = new torch.Generator(seed);
        using var noise = torch.randn(new[] { count, generator.LatentDim }, generator: random);
        using var noGrad = torch.no_grad();
        generator.eval();
        return generator.call(noise).contiguous();
    }

    [Fact]
    public void A_saved_generator_loads_with_every_layer_weight_buffer_and_regularizer()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("generator.gankit");
        using var original = EveryLayerGenerator();
        using (torch.no_grad())
        {
            // Running statistics that differ from their initial values must come back too.
            original.train();
            original.call(torch.randn(8, 6));
        }

        original.Save(path);
        using var loaded = GeneratorNetwork.Load(path);

        TinyGan.ShouldBeIdentical(loaded, original);
        loaded.Summary().Should().Be(original.Summary());
        loaded.Definitions.Select(d => d.Kind).Should().Equal(original.Definitions.Select(d => d.Kind));
        using var expected = original.RegularizationLoss();
        using var actual = loaded.RegularizationLoss();
        actual.item<float>().Should().Be(expected.item<float>()).And.BeGreaterThan(0, "the L2 regularizer is restored");
        using var a = Draw(original);
        using var b = Draw(loaded);
        TensorAssert.Identical(b, a).Should().BeTrue();
    }

    [Fact]
    public void A_generator_loaded_in_a_second_process_draws_bit_identical_images()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("generator.gankit");
        string output = dir.Combine("images.bin");
        using var generator = TinyGan.Generator(seed: 9);
        generator.Save(path);
        using var expected = Draw(generator, count: 6, seed: 21);

        TrainerWorker.Run("generate", path, "6", "21", output);

        File.ReadAllBytes(output).Should().Equal(expected.bytes.ToArray(), "the other process rebuilt the generator from the file alone");
    }

    [Fact]
    public void A_damaged_file_is_refused_naming_the_file()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("generator.gankit");
        using (var generator = TinyGan.Generator())
        {
            generator.Save(path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        FluentActions.Invoking(() => GeneratorNetwork.Load(path))
            .Should().Throw<InvalidDataException>().WithMessage($"'{path}' is damaged*SHA-256*");
    }

    [Fact]
    public void A_discriminator_file_is_not_a_generator()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("discriminator.gankit");
        using var discriminator = TinyGan.Discriminator();
        discriminator.Save(path);

        FluentActions.Invoking(() => GeneratorNetwork.Load(path))
            .Should().Throw<InvalidDataException>().WithMessage($"'{path}' holds a DiscriminatorNetwork, not a GeneratorNetwork*");
        using var loaded = DiscriminatorNetwork.Load(path);
        TinyGan.ShouldBeIdentical(loaded, discriminator);
    }

    [Fact]
    public void Another_file_is_not_a_network()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("notes.txt");
        File.WriteAllText(path, "not a network at all, just some text");

        FluentActions.Invoking(() => GeneratorNetwork.Load(path))
            .Should().Throw<InvalidDataException>().WithMessage($"'{path}' is not a saved GanKit network*");
    }

    [Fact]
    public void A_wrapped_module_saves_its_weights_and_loads_into_a_new_module_of_its_architecture()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("wrapped.gankit");
        torch.manual_seed(8);
        using var original = Generators.FromModule(FromModuleTests.PlainGenerator(), TinyGan.LatentDim, 1, 8, 8);
        original.Save(path);

        FluentActions.Invoking(() => GeneratorNetwork.Load(path))
            .Should().Throw<InvalidDataException>().WithMessage($"'{path}' holds the weights of a wrapped module (Sequential)*Load(path, module)*");
        using var loaded = GeneratorNetwork.Load(path, FromModuleTests.PlainGenerator());
        TinyGan.ShouldBeIdentical(loaded, original);

        var other = nn.Sequential(nn.Linear(TinyGan.LatentDim, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 64), nn.Tanh(), nn.Unflatten(1, [1, 8, 8]));
        FluentActions.Invoking(() => GeneratorNetwork.Load(path, other))
            .Should().Throw<InvalidDataException>().WithMessage($"'{path}' holds another architecture: tensor 0 is 'layers.0.0.weight' Float32 [32, 8] in the file and 'layers.0.0.weight' Float32 [16, 8] in the network*");
    }

    [Fact]
    public void A_custom_layer_saves_once_registered_and_a_process_without_the_registration_names_it()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("custom.gankit");
        GeneratorNetwork Build() => new GeneratorBuilder(4).Dense(8).Add(new ScaleLayer(0.5)).Build(seed: 3);
        using (var unregistered = Build())
        {
            FluentActions.Invoking(() => unregistered.Save(path))
                .Should().Throw<InvalidOperationException>().WithMessage("*Layer 1 (Scale*no saved form*LayerDescriptions.Register*");
        }

        LayerDescriptions.Register<ScaleLayer>(
            "Tests.Scale",
            layer => new Dictionary<string, string> { ["factor"] = layer.Factor.ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
            properties => new ScaleLayer(double.Parse(properties["factor"], System.Globalization.CultureInfo.InvariantCulture)));
        using var original = Build();
        original.Save(path);
        using var loaded = GeneratorNetwork.Load(path);
        ((ScaleLayer)loaded.Definitions[1]).Factor.Should().Be(0.5);
        using var a = Draw(original);
        using var b = Draw(loaded);
        TensorAssert.Identical(b, a).Should().BeTrue();

        string[] printed = TrainerWorker.Run(3, "load", path);
        printed.Should().ContainSingle().Which.Should().Match($"System.IO.InvalidDataException: '{path}': layer 1 is of kind 'Tests.Scale', which is not registered*");
    }

    [Fact]
    public void Load_from_run_takes_the_newest_checkpoints_averaged_or_raw_generator()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.EmaDecay = 0.5;
        using var generator = TinyGan.Generator();
        using var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        trainer.Fit(data);

        using var raw = GeneratorNetwork.LoadFromRun(dir.Path, averaged: false);
        using var averaged = GeneratorNetwork.LoadFromRun(dir.Path);

        TinyGan.ShouldBeIdentical(raw, generator);
        using (trainer.GeneratorAverage!.Apply(generator))
        {
            TinyGan.ShouldBeIdentical(averaged, generator);
        }

        TensorAssert.Identical(averaged.parameters().First(), raw.parameters().First()).Should().BeFalse("the average differs from the last weights");
    }

    [Fact]
    public void Load_from_run_without_an_average_gives_the_raw_weights_and_an_empty_folder_is_named()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        using var generator = TinyGan.Generator();
        using var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using (var trainer = new AdversarialTrainer(generator, discriminator, options))
        {
            trainer.Fit(data);
        }

        using var loaded = GeneratorNetwork.LoadFromRun(dir.Path);
        TinyGan.ShouldBeIdentical(loaded, generator);

        using var empty = new TempDirectory();
        FluentActions.Invoking(() => GeneratorNetwork.LoadFromRun(empty.Path))
            .Should().Throw<DirectoryNotFoundException>().WithMessage("*checkpoints*no valid checkpoint*");
    }

    /// <summary>A layer of a user's own: multiplies by a constant.</summary>
    private sealed class ScaleLayer(double factor) : ILayer
    {
        public double Factor => factor;

        public string Kind => "Scale";

        public long[] InferOutputShape(long[] inputShape) => (long[])inputShape.Clone();

        public nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => new ScaleModule(factor);
    }

    private sealed class ScaleModule(double factor) : nn.Module<Tensor, Tensor>("Scale")
    {
        public override Tensor forward(Tensor input) => input.mul(factor);
    }
}
