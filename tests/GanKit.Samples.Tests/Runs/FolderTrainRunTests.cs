using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Runs;
using GanKit.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace GanKit.Samples.Tests.Runs;

public class FolderTrainRunTests
{
    private sealed class Notes : IRunProgress
    {
        public List<string> Lines { get; } = [];

        public void Report(ProgressSnapshot snapshot)
        {
        }

        public void Note(string message) => Lines.Add(message);
    }

    [Theory]
    [InlineData(32, 3)]
    [InlineData(64, 1)]
    public void The_colour_preset_maps_noise_to_images_of_the_asked_shape(int size, int channels)
    {
        using var generator = ColourDcgan.Generator(size, channels);
        using var discriminator = ColourDcgan.Discriminator(size, channels);
        generator.OutputShape.Should().Equal(channels, size, size);
        discriminator.InputShape.Should().Equal(channels, size, size);
        FluentActions.Invoking(() => ColourDcgan.Generator(48, 3)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*32 or 64*48*");
    }

    [Fact]
    public void A_folder_run_trains_streams_when_asked_and_writes_its_evaluation()
    {
        using var images = new TempDirectory();
        using var run = new TempDirectory();
        var random = new Random(3);
        for (int i = 0; i < 24; i++)
        {
            using var image = new Image<Rgb24>(40, 36);
            for (int y = 0; y < 36; y++)
            {
                for (int x = 0; x < 40; x++)
                {
                    image[x, y] = new Rgb24((byte)random.Next(256), (byte)(x * 6), (byte)(y * 7));
                }
            }

            image.SaveAsPng(images.Combine($"img{i:D2}.png"));
        }

        File.WriteAllText(images.Combine("broken.png"), "not a picture");
        var training = new TrainingSettings(Epochs: 1, BatchSize: 8, LearningRate: 2e-4, MaxBatches: 2, Device: "cpu", DataDirectory: null, EvalSamples: 12);
        var settings = new TrainSettings("folder-32x32x3", 5, run.Path, false, training, new FolderSettings(images.Path, 32, 3, MemoryLimitBytes: 1024));
        var notes = new Notes();

        var evaluation = FolderTrainRun.Execute(settings, settings.Folder!, torch.CPU, notes, CancellationToken.None);

        evaluation.Should().NotBeNull();
        evaluation!.ExtractorName.Should().Contain("not-comparable");
        double.IsFinite(evaluation.Fid).Should().BeTrue();
        notes.Lines.Should().Contain(l => l.Contains("streamed from disk", StringComparison.Ordinal), "24 images of 12 KiB exceed a 1 KiB limit");
        notes.Lines.Should().Contain(l => l.Contains("Skipped 1 unreadable", StringComparison.Ordinal));
        File.Exists(Path.Combine(run.Path, FolderTrainRun.EvaluationFileName)).Should().BeTrue();
        File.ReadAllText(Path.Combine(run.Path, FolderTrainRun.EvaluationFileName)).Should().Contain(evaluation.ExtractorWeightsSha256);
        Directory.GetDirectories(Path.Combine(run.Path, "checkpoints")).Should().NotBeEmpty();
    }
}
