using GanKit.Data;
using GanKit.Samples.Dcgan.Runs;
using GanKit.TestSupport;
using GanKit.Training;
using GanKit.Checkpoints;
using TorchSharp;

namespace GanKit.Samples.Tests.Runs;

public sealed class TrainedGeneratorTests
{
    [Fact]
    public void Evaluate_and_generate_load_the_averaged_weights_the_training_samples_used()
    {
        using var run = new TempDirectory();
        using var generator = new GeneratorBuilder(4).Dense(16).Tanh().Reshape(1, 4, 4).Build(seed: 1);
        using var discriminator = new DiscriminatorBuilder(1, 4, 4).Flatten().Dense(1).Build(seed: 2);
        using var random = new torch.Generator(3);
        using var images = torch.rand(new long[] { 16, 1, 4, 4 }, generator: random);
        using var data = new TensorImageDataset(images * 2 - 1);
        var options = new AdversarialTrainerOptions { Epochs = 1, BatchSize = 4, EmaDecay = 0.5, Device = torch.CPU, OutputDirectory = run.Path };
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        trainer.Fit(data);

        var checkpoint = new CheckpointStore(Path.Combine(run.Path, AdversarialTrainer.CheckpointsFolderName)).FindLatestValid()!;
        using var loaded = TrainedGenerator.Load("original", checkpoint, torch.CPU);

        using var noise = torch.randn(3, 4);
        using var expected = trainer.GenerateFrom(noise);
        using var noGrad = torch.no_grad();
        using var drawn = loaded.call(noise);
        torch.equal(drawn, expected).all().item<bool>().Should().BeTrue("the sample loads what the training-time grids and evaluation drew from: the moving average");
        using var raw = generator.call(noise);
        torch.equal(drawn, raw).all().item<bool>().Should().BeFalse("the raw weights differ from their average");
    }
}
