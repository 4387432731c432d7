using GanKit.Mnist.Evaluation;
using GanKit.Mnist.Tests.Evaluation;
using GanKit.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests.Cuda;

/// <summary>The MNIST evaluator fed from the GPU: images and generators on CUDA score as on the CPU.</summary>
[Trait("Category", "Cuda")]
[Collection(MnistSplitsCollection.Name)]
public sealed class CudaEvaluatorTests(MnistSplitsFixture splits)
{
    [CudaFact]
    public void Images_on_cuda_score_exactly_as_on_the_cpu()
    {
        using var images = splits.Train.Images.narrow(0, 0, 2000);
        using var onCuda = images.cuda();

        var cpu = splits.Evaluator.Evaluate(images);
        var gpu = splits.Evaluator.Evaluate(onCuda);

        // The classifier runs on the CPU, so the features, and with them every figure, are identical.
        gpu.Fid.Should().Be(cpu.Fid);
        gpu.Kid.Should().Be(cpu.Kid);
        gpu.Precision.Should().Be(cpu.Precision);
        gpu.Recall.Should().Be(cpu.Recall);
        gpu.Digits.Select(d => d.Count).Should().Equal(cpu.Digits.Select(d => d.Count));
    }

    [CudaFact]
    public void A_generator_on_cuda_scores_as_the_same_generator_on_the_cpu()
    {
        torch.manual_seed(5);
        using var generator = MnistDcgan.OriginalGenerator();
        generator.eval();
        var cpu = splits.Evaluator.Evaluate(generator, sampleCount: 1000);
        generator.to(CUDA);

        var gpu = splits.Evaluator.Evaluate(generator, sampleCount: 1000);

        generator.parameters().Should().OnlyContain(p => p.device.type == DeviceType.CUDA, "evaluation leaves the generator where it was");
        // cuDNN's convolutions round differently from the CPU's, so the images differ in the last bits.
        gpu.Fid.Should().BeApproximately(cpu.Fid, cpu.Fid * 1e-3);
        gpu.Precision.Should().BeApproximately(cpu.Precision, 0.01);
        gpu.Recall.Should().BeApproximately(cpu.Recall, 0.01);
    }

    [CudaFact]
    public void Conditional_images_labels_and_generators_on_cuda_score_exactly_as_on_the_cpu()
    {
        using var images = splits.Train.Images.narrow(0, 0, 2000);
        using var labels = splits.Train.Labels.narrow(0, 0, 2000);
        using var imagesOnCuda = images.cuda();
        using var labelsOnCuda = labels.cuda();

        var cpu = splits.Evaluator.EvaluateConditional(images, labels);
        var gpu = splits.Evaluator.EvaluateConditional(imagesOnCuda, labelsOnCuda);
        var fromCpu = splits.Evaluator.EvaluateConditional((noise, requested) => noise.narrow(1, 0, 1).reshape(-1, 1, 1, 1).expand(-1, 1, 28, 28).tanh(), latentDim: 4, samplesPerClass: 20);
        var fromCuda = splits.Evaluator.EvaluateConditional((noise, requested) => noise.cuda().narrow(1, 0, 1).reshape(-1, 1, 1, 1).expand(-1, 1, 28, 28).tanh(), latentDim: 4, samplesPerClass: 20);

        gpu.Digits.Should().Equal(cpu.Digits);
        gpu.IntraClassFid.Should().Be(cpu.IntraClassFid);
        gpu.ClassAccuracy.Should().Be(cpu.ClassAccuracy);
        fromCuda.IntraClassFid.Should().BeApproximately(fromCpu.IntraClassFid, fromCpu.IntraClassFid * 1e-3);
        fromCuda.Digits.Select(d => d.Count).Should().Equal(fromCpu.Digits.Select(d => d.Count));
    }
}
