using GanKit.Metrics;
using GanKit.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class RandomConvFeatureExtractorTests
{
    [Fact]
    public void A_seed_fixes_the_weights_their_hash_and_the_features()
    {
        using var a = new RandomConvFeatureExtractor(new long[] { 3, 32, 32 }, seed: 4);
        using var b = new RandomConvFeatureExtractor(new long[] { 3, 32, 32 }, seed: 4);
        using var other = new RandomConvFeatureExtractor(new long[] { 3, 32, 32 }, seed: 5);
        using var generator = new torch.Generator(1);
        using var images = torch.rand(new long[] { 6, 3, 32, 32 }, generator: generator);

        a.WeightsSha256.Should().Be(b.WeightsSha256).And.HaveLength(64);
        other.WeightsSha256.Should().NotBe(a.WeightsSha256);
        a.Name.Should().Contain("not-comparable");
        var (fa, pa) = a.ExtractBatch(images);
        var (fb, pb) = b.ExtractBatch(images);
        fa.shape.Should().Equal(6, 1024);
        TensorAssert.Identical(fa, fb).Should().BeTrue();
        pa.shape.Should().Equal(6, 1);
        new[] { fa, pa, fb, pb }.ToList().ForEach(t => t.Dispose());
    }

    [Fact]
    public void Unlabelled_real_images_score_better_than_noise_and_get_no_class_table()
    {
        // "Real": smooth colour gradients; generated: uniform noise.
        Tensor Smooth(int count, ulong seed)
        {
            using var generator = new torch.Generator(seed);
            using var scope = torch.NewDisposeScope();
            var colour = torch.rand(new long[] { count, 3, 1, 1 }, generator: generator);
            var ramp = torch.linspace(-1, 1, 32).view(1, 1, 1, 32);
            return (colour * ramp).expand(count, 3, 32, 32).contiguous().MoveToOuterDisposeScope();
        }

        using var extractor = new RandomConvFeatureExtractor(new long[] { 3, 32, 32 });
        using var real = Smooth(40, 1);
        using var moreReal = Smooth(40, 2);
        using var generator = new torch.Generator(3);
        using var noise = torch.rand(new long[] { 40, 3, 32, 32 }, generator: generator) * 2 - 1;

        var likeReal = ImageSetEvaluator.Evaluate(extractor, real, moreReal, kidSubsets: 10);
        var ofNoise = ImageSetEvaluator.Evaluate(extractor, real, noise, kidSubsets: 10);

        likeReal.Fid.Should().BeLessThan(ofNoise.Fid);
        likeReal.DensityCoverage.Coverage.Should().BeGreaterThan(ofNoise.DensityCoverage.Coverage);
        likeReal.PerClass.Should().BeEmpty();
        likeReal.ExtractorWeightsSha256.Should().Be(extractor.WeightsSha256);
    }
}
