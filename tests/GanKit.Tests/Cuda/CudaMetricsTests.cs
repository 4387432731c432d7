using GanKit.Metrics;
using GanKit.Testing;
using static TorchSharp.torch;

namespace GanKit.Tests.Cuda;

/// <summary>FID, KID and precision/recall of features that live on the GPU equal those of the same features on the CPU.</summary>
[Trait("Category", "Cuda")]
public sealed class CudaMetricsTests
{
    private const double Relative = 1e-4;

    [CudaFact]
    public void Frechet_distance_of_gpu_features_equals_the_cpu_one()
    {
        using var _ = NewDisposeScope();
        var (real, fake) = Features();

        double cpu = FrechetDistance.Compute(real, fake);
        double gpu = FrechetDistance.Compute(real.cuda(), fake.cuda());

        cpu.Should().BeGreaterThan(0);
        gpu.Should().BeApproximately(cpu, Math.Abs(cpu) * Relative);
    }

    [CudaFact]
    public void Kernel_inception_distance_of_gpu_features_equals_the_cpu_one()
    {
        using var _ = NewDisposeScope();
        var (real, fake) = Features();

        var cpu = KernelInceptionDistance.Compute(real, fake, subsets: 10, subsetSize: 200, seed: 5);
        var gpu = KernelInceptionDistance.Compute(real.cuda(), fake.cuda(), subsets: 10, subsetSize: 200, seed: 5);

        cpu.Mean.Should().BeGreaterThan(0);
        gpu.Mean.Should().BeApproximately(cpu.Mean, Math.Abs(cpu.Mean) * Relative);
        gpu.Std.Should().BeApproximately(cpu.Std, Math.Abs(cpu.Std) * Relative);
    }

    [CudaFact]
    public void Precision_and_recall_of_gpu_features_equal_the_cpu_ones()
    {
        using var _ = NewDisposeScope();
        var (real, fake) = Features();

        var cpu = PrecisionRecall.Compute(real, fake);
        var gpu = PrecisionRecall.Compute(real.cuda(), fake.cuda());

        cpu.Precision.Should().BeInRange(0.05, 0.95, "a shifted distribution leaves some samples outside the other manifold");
        gpu.Precision.Should().BeApproximately(cpu.Precision, cpu.Precision * Relative);
        gpu.Recall.Should().BeApproximately(cpu.Recall, cpu.Recall * Relative);
    }

    // Two overlapping Gaussian clouds in 32 dimensions, drawn on the CPU with a fixed generator.
    private static (Tensor Real, Tensor Fake) Features()
    {
        using var generator = new TorchSharp.torch.Generator(17);
        var real = randn(new long[] { 600, 32 }, generator: generator);
        var fake = randn(new long[] { 500, 32 }, generator: generator).mul_(1.2).add_(0.3);
        return (real, fake);
    }
}
