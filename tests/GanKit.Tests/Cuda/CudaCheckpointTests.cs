using GanKit.Networks;
using GanKit.TestSupport;
using GanKit.Testing;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Cuda;

/// <summary>A checkpoint written on the GPU resumes on the CPU, and one written on the CPU resumes on the GPU, bit for bit.</summary>
[Trait("Category", "Cuda")]
[Collection(NonParallelCollection.Name)]
public sealed class CudaCheckpointTests
{
    [CudaFact]
    public void A_cuda_checkpoint_resumes_on_the_cpu_and_a_cpu_one_back_on_cuda()
    {
        using var dir = new TempDirectory();

        // Epoch 1 on the GPU.
        var onCuda = Run(dir.Path, CUDA, epochs: 1, out var cudaGenerator, out var cudaDiscriminator);
        onCuda.Rows.Should().ContainSingle();
        var afterCuda = Snapshot(cudaGenerator, cudaDiscriminator);

        // Resumed on the CPU: the networks come back exactly as the GPU left them, then epoch 2 runs.
        var resumedCpu = Run(dir.Path, CPU, epochs: 1, out var loadedOnCpu, out var loadedDiscriminatorOnCpu, resume: true);
        resumedCpu.Rows.Should().ContainSingle("nothing was left to train");
        loadedOnCpu.parameters().Should().OnlyContain(p => p.device.type == DeviceType.CPU);
        ShouldEqual(Snapshot(loadedOnCpu, loadedDiscriminatorOnCpu), afterCuda);
        var onCpu = Run(dir.Path, CPU, epochs: 2, out var cpuGenerator, out var cpuDiscriminator, resume: true);
        onCpu.Rows.Select(r => r.Epoch).Should().Equal(1, 2);
        var afterCpu = Snapshot(cpuGenerator, cpuDiscriminator);

        // And back on the GPU: the CPU's epoch 2 loads exactly, and epoch 3 trains there.
        Run(dir.Path, CUDA, epochs: 2, out var loadedOnCuda, out var loadedDiscriminatorOnCuda, resume: true);
        loadedOnCuda.parameters().Should().OnlyContain(p => p.device.type == DeviceType.CUDA);
        ShouldEqual(Snapshot(loadedOnCuda, loadedDiscriminatorOnCuda), afterCpu);
        var last = Run(dir.Path, CUDA, epochs: 3, out _, out _, resume: true);
        last.Rows.Select(r => r.Epoch).Should().Equal(1, 2, 3);
        last.Rows.Should().OnlyContain(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss));
    }

    private static TrainingHistory Run(string folder, Device device, int epochs, out GeneratorNetwork generator, out DiscriminatorNetwork discriminator, bool resume = false)
    {
        var options = TinyGan.Options(folder);
        options.Device = device;
        options.Epochs = epochs;
        options.Resume = resume;
        options.EmaDecay = 0.9;
        generator = TinyGan.Generator();
        discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        return trainer.Fit(data);
    }

    private static List<(string Name, Tensor Value)> Snapshot(nn.Module generator, nn.Module discriminator) =>
        TinyGan.State(generator).Select(s => ("generator." + s.Name, s.Value.detach().cpu().clone()))
            .Concat(TinyGan.State(discriminator).Select(s => ("discriminator." + s.Name, s.Value.detach().cpu().clone())))
            .ToList();

    private static void ShouldEqual(List<(string Name, Tensor Value)> actual, List<(string Name, Tensor Value)> expected)
    {
        actual.Select(a => a.Name).Should().Equal(expected.Select(e => e.Name));
        for (int i = 0; i < actual.Count; i++)
        {
            TensorAssert.Identical(actual[i].Value, expected[i].Value).Should().BeTrue($"'{actual[i].Name}' must survive the device change bit for bit");
        }
    }
}
