using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanKit.TestSupport;
using GanKit.Networks;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using GanKit.Checkpoints;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace GanKit.Tests.Training;

// What a resume may and may not change, and checkpoints that pass their hashes but do not fit.
// Runs alone: the comparisons rely on torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class ResumeTests
{
    private const string Newest = "epoch-0002-step-00000010";
    private const string Previous = "epoch-0001-step-00000005";

    [Fact]
    public void Options_a_checkpoint_fixes_are_refused_each_named_and_nothing_is_written()
    {
        using var dir = new TempDirectory();
        Train(TinyGan.Options(dir.Path), out _);
        string options = Path.Combine(dir.Path, AdversarialTrainer.CheckpointsFolderName, Newest, "options.json");
        string before = Hash(options);

        var resumed = TinyGan.Options(dir.Path);
        resumed.Resume = true;
        resumed.Epochs = 3;
        resumed.GeneratorLearningRate = 1000;
        resumed.Seed = 8;

        var error = FluentActions.Invoking(() => Train(resumed, out _)).Should().Throw<ResumeMismatchException>().Which;

        error.Differences.Select(d => d.Option).Should().BeEquivalentTo(nameof(resumed.Seed), nameof(resumed.GeneratorLearningRate));
        error.Differences.Should().ContainSingle(d => d.Option == nameof(resumed.GeneratorLearningRate) && d.Stored == "0.0001" && d.Requested == "1000");
        error.Message.Should().Contain(Newest);
        Hash(options).Should().Be(before);
        Directory.EnumerateDirectories(Path.Combine(dir.Path, AdversarialTrainer.CheckpointsFolderName)).Should().HaveCount(2, "no checkpoint was added");
    }

    [Fact]
    public void More_epochs_on_resume_are_applied_and_recorded_and_fewer_than_done_are_refused()
    {
        using var dir = new TempDirectory();
        Train(TinyGan.Options(dir.Path), out _);

        var more = TinyGan.Options(dir.Path);
        more.Resume = true;
        more.Epochs = 3;
        var history = Train(more, out _);

        history.Rows.Select(r => r.Epoch).Should().Equal(1, 2, 3);
        var newest = new CheckpointStore(Path.Combine(dir.Path, AdversarialTrainer.CheckpointsFolderName)).FindLatestValid()!;
        newest.Epoch.Should().Be(3);
        JsonNode.Parse(File.ReadAllText(newest.PathOf("options.json")))!["Epochs"]!.GetValue<string>().Should().Be("3");

        var fewer = TinyGan.Options(dir.Path);
        fewer.Resume = true;
        fewer.Epochs = 1;
        FluentActions.Invoking(() => Train(fewer, out _)).Should().Throw<ResumeMismatchException>()
            .Which.Differences.Should().ContainSingle(d => d.Option == "Epochs" && d.Stored.StartsWith("3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_random_state_of_the_wrong_size_is_named_and_the_previous_checkpoint_resumes_identically()
    {
        using var straightDir = new TempDirectory();
        using var dir = new TempDirectory();
        var straight = TinyGan.Options(straightDir.Path);
        straight.Epochs = 3;
        var expected = Train(straight, out _, out var expectedGenerator);
        Train(TinyGan.Options(dir.Path), out _);

        // Hashes that pass over a tensor libtorch would abort the process on.
        string folder = Path.Combine(dir.Path, AdversarialTrainer.CheckpointsFolderName, Newest);
        using (var wrong = torch.zeros(16, dtype: torch.ScalarType.Float32))
        {
            wrong.Save(Path.Combine(folder, "rng.bin"));
        }

        Rehash(folder, "rng.bin");

        var resumed = TinyGan.Options(dir.Path);
        resumed.Epochs = 3;
        resumed.Resume = true;
        Train(resumed, out var logger, out var actualGenerator);

        logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains(Newest, StringComparison.Ordinal) && e.Message.Contains("rng.bin", StringComparison.Ordinal));
        logger.Entries.Should().Contain(e => e.Message.Contains("Resuming from", StringComparison.Ordinal) && e.Message.Contains(Previous, StringComparison.Ordinal));
        TinyGan.ShouldBeIdentical(actualGenerator, expectedGenerator);
    }

    [Fact]
    public void Weights_of_another_architecture_in_every_checkpoint_fail_naming_the_file()
    {
        using var dir = new TempDirectory();
        Train(TinyGan.Options(dir.Path), out _);

        var resumed = TinyGan.Options(dir.Path);
        resumed.Resume = true;
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(spectralNorm: true), resumed);

        var error = FluentActions.Invoking(() => trainer.Fit(data)).Should().Throw<CheckpointLoadException>().Which;

        error.FilePath.Should().EndWith(Path.Combine(Newest, "discriminator.bin"));
        error.Message.Should().Contain("discriminator.bin").And.Contain("no older checkpoint");
    }

    [Fact]
    public void An_epoch_one_divergence_does_not_point_at_a_checkpoint()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.GeneratorLearningRate = 1e30;
        options.DiscriminatorLearningRate = 1e30;
        options.Epochs = 1;

        var error = FluentActions.Invoking(() => Train(options, out _)).Should().Throw<TrainingDivergedException>().Which;

        error.Message.Should().Contain("No checkpoint was written").And.NotContain(AdversarialTrainer.CheckpointsFolderName);
    }

    private static TrainingHistory Train(AdversarialTrainerOptions options, out RecordingLogger<AdversarialTrainer> logger) =>
        Train(options, out logger, out _);

    private static TrainingHistory Train(AdversarialTrainerOptions options, out RecordingLogger<AdversarialTrainer> logger, out GeneratorNetwork generator)
    {
        generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator();
        logger = new RecordingLogger<AdversarialTrainer>();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options, logger);
        return trainer.Fit(data);
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static void Rehash(string folder, string file)
    {
        string path = Path.Combine(folder, CheckpointStore.ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["files"]![file] = Hash(Path.Combine(folder, file));
        File.WriteAllText(path, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
