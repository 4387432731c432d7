using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class FeatureExtractionTests
{
    /// <summary>A linear map to 3 features and a softmax over 2 classes: enough to check batching and dtypes.</summary>
    private sealed class LinearExtractor : IFeatureExtractor
    {
        private readonly torch.nn.Module<Tensor, Tensor> features;
        private readonly torch.nn.Module<Tensor, Tensor> head;

        public LinearExtractor()
        {
            torch.manual_seed(3);
            features = torch.nn.Linear(4, 3);
            head = torch.nn.Linear(3, 2);
        }

        public int Calls { get; private set; }

        public string Name => "linear-test";

        public string WeightsSha256 => new('0', 64);

        public long FeatureDimension => 3;

        public long ClassCount => 2;

        public long[] ImageShape => [1, 2, 2];

        public (Tensor Features, Tensor Probabilities) ExtractBatch(Tensor images)
        {
            Calls++;
            var f = features.call(images.flatten(1));
            return (f, torch.nn.functional.softmax(head.call(f), 1));
        }
    }

    [Fact]
    public void Batched_extraction_equals_one_pass_and_is_float64_without_gradients()
    {
        var extractor = new LinearExtractor();
        using var images = torch.randn(23, 1, 2, 2);

        using var batched = extractor.Extract(images, batchSize: 5);
        var (f, p) = extractor.ExtractBatch(images);
        using var whole = f;
        using var wholeP = p;

        extractor.Calls.Should().Be(6, "five batches of at most 5 images, then one full pass");
        batched.Count.Should().Be(23);
        batched.Features.dtype.Should().Be(ScalarType.Float64);
        batched.Features.requires_grad.Should().BeFalse();
        batched.Features.allclose(whole.to(ScalarType.Float64), rtol: 1e-6, atol: 1e-6).Should().BeTrue();
        batched.Probabilities.allclose(wholeP.to(ScalarType.Float64), rtol: 1e-6, atol: 1e-6).Should().BeTrue();
        batched.ExtractorName.Should().Be("linear-test");
        batched.ExtractorWeightsSha256.Should().HaveLength(64);
    }

    [Fact]
    public void Rejects_images_of_the_wrong_shape()
    {
        var extractor = new LinearExtractor();
        using var images = torch.randn(4, 1, 3, 3);

        FluentActions.Invoking(() => extractor.Extract(images))
            .Should().Throw<ArgumentException>().WithMessage("*'linear-test'*[N, 1, 2, 2]*got [4, 1, 3, 3]*");
    }
}
