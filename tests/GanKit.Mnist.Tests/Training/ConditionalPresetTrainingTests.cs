using GanKit.Data;
using GanKit.Mnist;
using GanKit.Networks;
using GanKit.Training;
using SixLabors.ImageSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests.Training;

public sealed class ConditionalPresetTrainingTests
{
    [Theory]
    [InlineData("original", MnistLabelPath.Embedding)]
    [InlineData("modified", MnistLabelPath.Embedding)]
    [InlineData("original", MnistLabelPath.ConditionalBatchNorm)]
    public void A_conditional_preset_pair_trains_two_batches_and_draws_a_ten_by_ten_grid(string architecture, MnistLabelPath labelPath)
    {
        string output = Path.Combine(Path.GetTempPath(), "gankit-conditional-preset-" + Guid.NewGuid().ToString("N"));
        int threads = torch.get_num_threads();
        torch.set_num_threads(1);
        try
        {
            using var generator = architecture == "original" ? MnistDcgan.ConditionalOriginalGenerator(1, labelPath) : MnistDcgan.ConditionalModifiedGenerator(1, labelPath);
            using var discriminator = architecture == "original" ? MnistDcgan.ConditionalOriginalDiscriminator(2) : MnistDcgan.ConditionalModifiedDiscriminator(2);
            using var random = new torch.Generator(11);
            using var unit = torch.rand(new long[] { 16, 1, 28, 28 }, generator: random);
            using var data = new LabelledTensorDataset(unit * 2 - 1, torch.arange(16, dtype: ScalarType.Int64).remainder(10), MnistDcgan.ClassCount);
            var options = new AdversarialTrainerOptions
            {
                Epochs = 1,
                BatchSize = 8,
                MaxBatchesPerEpoch = 2,
                Device = torch.CPU,
                OutputDirectory = output,
            };
            using var trainer = new AdversarialTrainer(generator, discriminator, options);

            var history = trainer.Fit(data);

            history.Rows.Should().ContainSingle().Which.Step.Should().Be(2);
            double.IsFinite(history.Rows[0].DiscriminatorLoss).Should().BeTrue();
            double.IsFinite(history.Rows[0].GeneratorLoss).Should().BeTrue();
            var grid = Image.Identify(Path.Combine(output, "samples", "epoch-0001.png"));
            grid.Width.Should().Be((10 * (28 + 2)) + 2, "ten columns of fixed noise");
            grid.Height.Should().Be((10 * (28 + 2)) + 2, "one row per digit");
            using var sevens = trainer.Generate(3, [7, 7, 7]);
            sevens.shape.Should().Equal(3, 1, 28, 28);
        }
        finally
        {
            torch.set_num_threads(threads);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
