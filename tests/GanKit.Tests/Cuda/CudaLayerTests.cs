using GanKit.Layers;
using GanKit.Testing;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Cuda;

/// <summary>The exponential moving average and spectral normalisation on CUDA tensors.</summary>
[Trait("Category", "Cuda")]
public sealed class CudaLayerTests
{
    [CudaFact]
    public void Moving_average_of_cuda_parameters_follows_the_formula_and_stays_on_the_gpu()
    {
        using var _ = NewDisposeScope();
        var module = nn.Linear(6, 3).cuda();
        using var average = new ExponentialMovingAverage(module, 0.9);
        var start = module.weight!.detach().cpu().clone();
        using (no_grad())
        {
            module.weight!.add_(1.0);
        }

        average.Update(module);
        var trained = module.weight!.detach().cpu().clone();

        using (average.Apply(module))
        {
            module.weight!.device.type.Should().Be(DeviceType.CUDA);
            var expected = (start * 0.9) + (trained * 0.1);
            module.weight!.detach().cpu().allclose(expected, rtol: 1e-6, atol: 1e-6).Should().BeTrue("shadow = 0.9 * old + 0.1 * new");
        }

        module.weight!.detach().cpu().equal(trained).all().item<bool>().Should().BeTrue("leaving Apply restores the live weights");
    }

    [CudaFact]
    public void Spectral_norm_on_cuda_gives_a_unit_largest_singular_value_as_on_the_cpu()
    {
        using var _ = NewDisposeScope();
        torch.manual_seed(4);
        var kernel = randn(6, 10);
        double cpu = NormalisedLargestSingularValue(CPU, kernel);
        double gpu = NormalisedLargestSingularValue(CUDA, kernel);

        gpu.Should().BeApproximately(1.0, 1e-3);
        gpu.Should().BeApproximately(cpu, 1e-4);
    }

    private static double NormalisedLargestSingularValue(Device device, Tensor kernel)
    {
        torch.manual_seed(9);
        var module = (nn.Module<Tensor, Tensor>)new DenseLayer(6, bias: false, spectralNorm: true).CreateModule([10]);
        module.to(device);
        using (no_grad())
        {
            module.named_parameters().Single(p => p.name == "weight").parameter.copy_(kernel);
        }

        module.named_buffers().Should().OnlyContain(b => b.buffer.device.type == device.type, "the power iteration's vector moves with the module");
        module.train();
        var identity = eye(10, device: device);
        for (int i = 0; i < 60; i++)
        {
            module.call(identity);
        }

        module.eval();
        return linalg.svdvals(module.call(identity).cpu())[0].item<float>();
    }
}
