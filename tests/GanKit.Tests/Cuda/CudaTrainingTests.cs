using GanKit.Data;
using GanKit.TestSupport;
using GanKit.Testing;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Cuda;

/// <summary>The trainer and the data path on a CUDA device: steps run there and batches never leave it.</summary>
[Trait("Category", "Cuda")]
[Collection(NonParallelCollection.Name)]
public sealed class CudaTrainingTests
{
    private const int DatasetCopiedEventId = 1108;

    [CudaFact]
    public void Simultaneous_steps_train_on_cuda() => TrainsOnCuda(UpdateScheme.Simultaneous);

    [CudaFact]
    public void Alternating_steps_train_on_cuda() => TrainsOnCuda(UpdateScheme.Alternating);

    [CudaFact]
    public void A_dataset_already_on_cuda_is_used_in_place()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Device = CUDA;
        options.Epochs = 1;
        var logger = new RecordingLogger<AdversarialTrainer>();
        using var data = TinyGan.Data().To(CUDA);
        using var trainer = new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(), options, logger);

        trainer.Fit(data).Rows.Should().ContainSingle();

        logger.Entries.Should().NotContain(e => e.EventId == DatasetCopiedEventId, "the images are on the training device already");
    }

    [CudaFact]
    public void Batches_of_a_cuda_dataset_are_gathered_on_the_gpu_and_match_the_cpu_ones()
    {
        using var cpuData = TinyGan.Data();
        using var cudaData = TinyGan.Data().To(CUDA);
        cudaData.Device.type.Should().Be(DeviceType.CUDA);

        var cpuBatches = ShuffledBatches.Epoch(cpuData, 8, seed: 11).ToList();
        var cudaBatches = ShuffledBatches.Epoch(cudaData, 8, seed: 11).ToList();

        cudaBatches.Should().HaveCount(cpuBatches.Count);
        for (int i = 0; i < cpuBatches.Count; i++)
        {
            cudaBatches[i].device.type.Should().Be(DeviceType.CUDA, "a batch is gathered where the dataset lives, with no host copy");
            using var back = cudaBatches[i].cpu();
            TensorAssert.Identical(back, cpuBatches[i]).Should().BeTrue($"batch {i} selects the same images on both devices");
        }

        cpuBatches.Concat(cudaBatches).ToList().ForEach(b => b.Dispose());
    }

    private static void TrainsOnCuda(UpdateScheme scheme)
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Device = CUDA;
        options.UpdateScheme = scheme;
        options.Epochs = 1;
        var logger = new RecordingLogger<AdversarialTrainer>();
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator();
        using var initial = generator.parameters().First().detach().clone();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options, logger);

        var history = trainer.Fit(data);

        trainer.Device.type.Should().Be(DeviceType.CUDA);
        history.Rows.Should().ContainSingle().Which.Step.Should().Be(5);
        history.Rows.Should().OnlyContain(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss));
        generator.parameters().Concat(discriminator.parameters()).Should().OnlyContain(p => p.device.type == DeviceType.CUDA);
        using var trained = generator.parameters().First().detach().cpu();
        TensorAssert.Identical(trained, initial).Should().BeFalse("training moved the weights");
        logger.Entries.Count(e => e.EventId == DatasetCopiedEventId).Should().Be(1, "the CPU images are copied to the GPU once, not per step");
    }
}
