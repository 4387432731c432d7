using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;

namespace GanKit.Tests.Training;

// Runs alone: the trainer draws noise and dropout masks from torch's process-wide stream.
[Collection(NonParallelCollection.Name)]
public sealed class SeededTrainingTests
{
    [Fact]
    public void Seeded_networks_and_run_repeat_bit_identically_in_one_process_whatever_the_global_stream_did()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var (historyA, generatorA, discriminatorA) = Train(first.Path);
        using (torch.randn(1000))
        {
        }

        var (historyB, generatorB, discriminatorB) = Train(second.Path);

        historyA.Rows.Select(r => (r.DiscriminatorLoss, r.GeneratorLoss, r.RealScore, r.FakeScore)).Should()
            .Equal(historyB.Rows.Select(r => (r.DiscriminatorLoss, r.GeneratorLoss, r.RealScore, r.FakeScore)));
        TinyGan.ShouldBeIdentical(generatorA, generatorB);
        TinyGan.ShouldBeIdentical(discriminatorA, discriminatorB);
        generatorA.Dispose();
        generatorB.Dispose();
        discriminatorA.Dispose();
        discriminatorB.Dispose();
    }

    [Fact]
    public void Seeded_networks_and_run_repeat_bit_identically_in_two_processes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var third = new TempDirectory();

        string[] a = TrainerWorker.Run("train", first.Path, "1", "2", "7");
        string[] b = TrainerWorker.Run("train", second.Path, "1", "2", "7");
        string[] c = TrainerWorker.Run("train", third.Path, "1", "3", "7");

        a.Should().HaveCount(4, "two epochs and two weight hashes");
        b.Should().Equal(a, "two processes with the same seeds give the same loss bits and weights");
        c.Should().NotEqual(a, "another discriminator seed gives another run");
    }

    private static (TrainingHistory History, GanKit.Networks.GeneratorNetwork Generator, GanKit.Networks.DiscriminatorNetwork Discriminator) Train(string directory)
    {
        var generator = TinyGan.Generator(seed: 1);
        var discriminator = TinyGan.Discriminator(seed: 2);
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, TinyGan.Options(directory));
        return (trainer.Fit(data), generator, discriminator);
    }
}
