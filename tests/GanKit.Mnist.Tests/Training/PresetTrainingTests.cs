using GanKit.Data;
using GanKit.Mnist;
using GanKit.Training;
using SixLabors.ImageSharp;
using TorchSharp;

namespace GanKit.Mnist.Tests.Training;

public sealed class PresetTrainingTests
{
    [Fact]
    public void The_modified_report_preset_trains_two_batches_with_its_l2_terms()
    {
        string output = Path.Combine(Path.GetTempPath(), "gankit-preset-" + Guid.NewGuid().ToString("N"));

        // Batches of 8 gain nothing from libtorch's worker threads, which only contend with the
        // other test classes on a small machine.
        int threads = torch.get_num_threads();
        torch.set_num_threads(1);
        try
        {
            var generator = MnistDcgan.ModifiedGenerator();
            var discriminator = MnistDcgan.ModifiedDiscriminator();
            double l2Before;
            using (var term = discriminator.RegularizationLoss())
            {
                l2Before = term.item<float>();
            }

            using var generatorSource = new torch.Generator(11);
            using var unit = torch.rand(new long[] { 16, 1, 28, 28 }, generator: generatorSource);
            using var data = new TensorImageDataset(unit * 2 - 1);
            var options = new AdversarialTrainerOptions
            {
                Epochs = 1,
                BatchSize = 8,
                MaxBatchesPerEpoch = 2,
                Device = torch.CPU,
                OutputDirectory = output,
            };
            using var trainer = new AdversarialTrainer(generator, discriminator, options);
            var losses = new List<float>();
            trainer.StepCompleted += (_, e) => losses.Add(e.DiscriminatorLoss.item<float>());

            var history = trainer.Fit(data);

            l2Before.Should().BeGreaterThan(0, "the modified discriminator carries 0.01 * sum(w^2) terms");
            // The first step's loss is computed before any update, so it is the L2 term measured
            // above plus the two BCE terms of a fresh discriminator (about 2 ln 2 = 1.39). Without
            // the L2 term it would be the BCE terms alone, well below the lower bound.
            losses.Should().HaveCount(2);
            (losses[0] - l2Before).Should().BeInRange(0.5, 3.0, "the discriminator's loss is its BCE terms plus its L2 terms");
            history.Rows.Should().ContainSingle().Which.Step.Should().Be(2);
            double.IsFinite(history.Rows[0].GeneratorLoss).Should().BeTrue();
            var sample = Image.Identify(Path.Combine(output, "samples", "epoch-0001.png"));
            sample.Width.Should().Be((4 * (28 + 2)) + 2);
            sample.Height.Should().Be((4 * (28 + 2)) + 2);
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
