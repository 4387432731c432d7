using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;

namespace GanKit.Tests.Training;

[Collection(NonParallelCollection.Name)]
public sealed class DatasetPlacementTests
{
    [Fact]
    public void A_dataset_already_on_the_training_device_is_used_without_a_copy()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.MaxBatchesPerEpoch = 1;

        // A Device object of its own: equal in value to the dataset's, never the same reference.
        options.Device = new torch.Device(DeviceType.CPU);
        var logger = new RecordingLogger<AdversarialTrainer>();
        using var generator = TinyGan.Generator();
        using var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options, logger);

        trainer.Fit(data);

        logger.Entries.Should().NotContain(e => e.EventId == 1108, "a CPU dataset trained on the CPU needs no copy");
        logger.Entries.Should().Contain(e => e.EventId != 1108, "the logger did receive the run's messages");
    }
}
