using GanKit.Networks;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using Microsoft.Extensions.Logging;

namespace GanKit.Tests.Training;

// Each kind of damage a crash, a full disk or a bad copy can do to one file of a real trainer
// checkpoint (flipped bit, short write, lost file): the manifest must catch it, the resume must skip that checkpoint with a warning that
// names the folder and the file, and the run must still end bit-identical to an uninterrupted one.
// Runs alone: the comparisons rely on torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class CheckpointDamageTests
{
    private const string Newest = "epoch-0002-step-00000010";
    private const string Previous = "epoch-0001-step-00000005";

    public enum Damage
    {
        FlippedByte,
        TruncatedByOneByte,
        TruncatedToHalf,
        Missing,
    }

    [Theory]
    [InlineData(Damage.FlippedByte, "rng.bin")]
    [InlineData(Damage.FlippedByte, "discriminator.bin")]
    [InlineData(Damage.TruncatedByOneByte, "discriminator-optimizer.bin")]
    [InlineData(Damage.TruncatedToHalf, "generator.bin")]
    [InlineData(Damage.Missing, "generator-optimizer.bin")]
    [InlineData(Damage.Missing, "state.json")]
    public void A_damaged_newest_checkpoint_is_skipped_and_the_resumed_run_ends_identical(Damage damage, string file)
    {
        using var straightDir = new TempDirectory();
        using var dir = new TempDirectory();
        var straight = TinyGan.Options(straightDir.Path);
        straight.Epochs = 3;
        var expected = Train(straight, out _);
        Train(TinyGan.Options(dir.Path), out _);

        Apply(damage, Path.Combine(dir.Path, AdversarialTrainer.CheckpointsFolderName, Newest, file));

        var resumed = TinyGan.Options(dir.Path);
        resumed.Epochs = 3;
        resumed.Resume = true;
        var actual = Train(resumed, out var logger);

        logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains(Newest, StringComparison.Ordinal) && e.Message.Contains(file, StringComparison.Ordinal));
        logger.Entries.Should().Contain(e => e.Message.Contains("Resuming from", StringComparison.Ordinal) && e.Message.Contains(Previous, StringComparison.Ordinal));
        TinyGan.ShouldBeIdentical(actual.Generator, expected.Generator);
        TinyGan.ShouldBeIdentical(actual.Discriminator, expected.Discriminator);
    }

    [Fact]
    public void With_every_checkpoint_damaged_a_resume_starts_fresh_warning_once_per_folder()
    {
        using var straightDir = new TempDirectory();
        using var dir = new TempDirectory();
        var expected = Train(TinyGan.Options(straightDir.Path), out _);
        Train(TinyGan.Options(dir.Path), out _);
        Apply(Damage.FlippedByte, Path.Combine(dir.Path, AdversarialTrainer.CheckpointsFolderName, Newest, "generator.bin"));
        Apply(Damage.Missing, Path.Combine(dir.Path, AdversarialTrainer.CheckpointsFolderName, Previous, "discriminator.bin"));

        var options = TinyGan.Options(dir.Path);
        options.Resume = true;
        var actual = Train(options, out var logger);

        logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message)
            .Should().HaveCount(2).And.Contain(m => m.Contains(Newest, StringComparison.Ordinal) && m.Contains("generator.bin", StringComparison.Ordinal))
            .And.Contain(m => m.Contains(Previous, StringComparison.Ordinal) && m.Contains("discriminator.bin", StringComparison.Ordinal));
        logger.Entries.Should().Contain(e => e.Message.Contains("starting a fresh run", StringComparison.Ordinal));
        TinyGan.ShouldBeIdentical(actual.Generator, expected.Generator);
        TinyGan.ShouldBeIdentical(actual.Discriminator, expected.Discriminator);
    }

    private static (GeneratorNetwork Generator, DiscriminatorNetwork Discriminator) Train(AdversarialTrainerOptions options, out RecordingLogger<AdversarialTrainer> logger)
    {
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator();
        logger = new RecordingLogger<AdversarialTrainer>();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options, logger);
        trainer.Fit(data);
        return (generator, discriminator);
    }

    private static void Apply(Damage damage, string path)
    {
        switch (damage)
        {
            case Damage.FlippedByte:
                var bytes = File.ReadAllBytes(path);
                bytes[bytes.Length / 2] ^= 0x01;
                File.WriteAllBytes(path, bytes);
                break;
            case Damage.TruncatedByOneByte:
                using (var stream = new FileStream(path, FileMode.Open))
                {
                    stream.SetLength(stream.Length - 1);
                }

                break;
            case Damage.TruncatedToHalf:
                using (var stream = new FileStream(path, FileMode.Open))
                {
                    stream.SetLength(stream.Length / 2);
                }

                break;
            case Damage.Missing:
                File.Exists(path).Should().BeTrue("the damage must hit a file the checkpoint has");
                File.Delete(path);
                break;
        }
    }
}
