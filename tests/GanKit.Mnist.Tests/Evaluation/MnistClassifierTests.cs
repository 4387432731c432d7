using Xunit.Abstractions;
using GanKit.Mnist.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests.Evaluation;

[Collection(MnistSplitsCollection.Name)]
public sealed class MnistClassifierTests(MnistSplitsFixture splits, ITestOutputHelper output)
{
    [Fact]
    public void ShippedClassifierReachesAtLeast99PercentOnTheTestSplit()
    {
        using var classifier = MnistClassifier.LoadShipped();

        double accuracy = classifier.Accuracy(splits.Test.Images, splits.Test.Labels);

        output.WriteLine($"Shipped classifier test accuracy: {accuracy:P2} on {splits.Test.Count} images");
        accuracy.Should().BeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void ShippedWeightsAreUnderOneMegabyteAndMatchTheirHash()
    {
        byte[] weights = ShippedWeights();

        weights.Length.Should().BeLessThan(1024 * 1024);
        MnistClassifier.Sha256Hex(weights).Should().Be(MnistClassifier.ShippedWeightsSha256);
    }

    [Fact]
    public void TamperedWeightsFailWithAnErrorNamingBothHashes()
    {
        byte[] weights = ShippedWeights();
        weights[weights.Length / 2] ^= 0x01;
        string actual = MnistClassifier.Sha256Hex(weights);

        var act = () => MnistClassifier.Load(weights, MnistClassifier.ShippedWeightsSha256, "tampered.weights");

        act.Should().Throw<InvalidDataException>()
            .WithMessage($"*'tampered.weights'*expected SHA-256 {MnistClassifier.ShippedWeightsSha256}, actual {actual}*");
    }

    [Fact]
    public void BytesWithTheRightHashButNotWeightsFailToLoad()
    {
        byte[] garbage = [1, 2, 3, 4, 5, 6, 7, 8];

        var act = () => MnistClassifier.Load(garbage, MnistClassifier.Sha256Hex(garbage), "garbage.weights");

        act.Should().Throw<InvalidDataException>().WithMessage("*'garbage.weights'*could not be loaded*");
    }

    [Fact]
    public void ShippedWeightsRoundTripThroughLoad()
    {
        using var shipped = MnistClassifier.LoadShipped();
        using var again = MnistClassifier.Load(ShippedWeights(), MnistClassifier.ShippedWeightsSha256);
        using var images = splits.Test.Images.narrow(0, 0, 16);
        using var noGrad = torch.no_grad();

        using var a = shipped.call(images);
        using var b = again.call(images);

        shipped.training.Should().BeFalse("a loaded classifier is ready for evaluation");
        a.allclose(b, rtol: 0, atol: 0).Should().BeTrue();
    }

    [Fact]
    public void FeatureExtractorGivesPenultimateFeaturesAndProbabilities()
    {
        using var extractor = new MnistFeatureExtractor();
        using var images = splits.Test.Images.narrow(0, 0, 8);

        var (features, probabilities) = extractor.ExtractBatch(images);
        using var f = features;
        using var p = probabilities;
        using var sums = p.sum(1);

        extractor.Name.Should().Be(MnistClassifier.NetworkName);
        extractor.WeightsSha256.Should().Be(MnistClassifier.ShippedWeightsSha256);
        f.shape.Should().Equal(8, MnistClassifier.FeatureDimension);
        p.shape.Should().Equal(8, MnistClassifier.ClassCount);
        f.requires_grad.Should().BeFalse();
        sums.allclose(torch.ones(8), rtol: 1e-5, atol: 1e-5).Should().BeTrue();
        FluentActions.Invoking(() => extractor.ExtractBatch(torch.zeros(2, 28, 28)))
            .Should().Throw<ArgumentException>().WithMessage("*[B, 1, 28, 28]*got [2, 28, 28]*");
    }

    private static byte[] ShippedWeights()
    {
        using var stream = typeof(MnistClassifier).Assembly.GetManifestResourceStream(MnistClassifier.ResourceName)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
