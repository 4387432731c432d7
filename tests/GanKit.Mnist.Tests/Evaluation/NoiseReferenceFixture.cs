using GanKit.Mnist.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests.Evaluation;

/// <summary>
/// An evaluator with the shipped classifier over a tiny reference of uniform noise (6 images per
/// digit label), for the checks that need no real data: argument errors and report formatting.
/// </summary>
public sealed class NoiseReferenceFixture : IDisposable
{
    public const int PerDigit = 6;

    public NoiseReferenceFixture()
    {
        Extractor = new MnistFeatureExtractor();
        using var random = new torch.Generator(17);
        ReferenceImages = torch.rand(10 * PerDigit, 1, 28, 28, generator: random) * 2 - 1;
        ReferenceLabels = torch.arange(10 * PerDigit, dtype: ScalarType.Int64).remainder_(10);
        Evaluator = new MnistEvaluator(ReferenceImages, ReferenceLabels, Extractor, new MnistEvaluatorOptions { KidSubsets = 5, Seed = 1 });
    }

    public MnistFeatureExtractor Extractor { get; }

    public Tensor ReferenceImages { get; }

    public Tensor ReferenceLabels { get; }

    public MnistEvaluator Evaluator { get; }

    /// <summary>Uniform noise images <c>[count, 1, 28, 28]</c> in [-1, 1] from a fixed seed.</summary>
    public static Tensor Noise(int count, ulong seed = 23)
    {
        using var random = new torch.Generator(seed);
        using var unit = torch.rand(count, 1, 28, 28, generator: random);
        return unit * 2 - 1;
    }

    /// <summary>Labels 0, 1, ..., 9, 0, ... <c>[count]</c>.</summary>
    public static Tensor Cycling(int count) => torch.arange(count, dtype: ScalarType.Int64).remainder_(10);

    public void Dispose()
    {
        Evaluator.Dispose();
        ReferenceLabels.Dispose();
        ReferenceImages.Dispose();
        Extractor.Dispose();
    }
}
