using GanKit.Mnist.Evaluation;
using GanKit.Mnist.Tests.TestSupport;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests.Evaluation;

[Collection(MnistSplitsCollection.Name)]
[Trait(TestData.Trait, TestData.RealMnist)]
public sealed class MnistClassifierTests(MnistSplitsFixture splits, ITestOutputHelper output)
{
    [Fact]
    public void Shipped_classifier_reaches_at_least_99_percent_on_the_test_split()
    {
        using var classifier = MnistClassifier.LoadShipped();

        double accuracy = classifier.Accuracy(splits.Test.Images, splits.Test.Labels);

        output.WriteLine($"Shipped classifier test accuracy: {accuracy:P2} on {splits.Test.Count} images");
        accuracy.Should().BeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void Shipped_weights_are_under_one_megabyte_and_match_their_hash()
    {
        byte[] weights = ShippedWeights();

        weights.Length.Should().BeLessThan(1024 * 1024);
        MnistClassifier.Sha256Hex(weights).Should().Be(MnistClassifier.ShippedWeightsSha256);
    }

    [Fact]
    public void Tampered_weights_fail_with_an_error_naming_both_hashes()
    {
        byte[] weights = ShippedWeights();
        weights[weights.Length / 2] ^= 0x01;
        string actual = MnistClassifier.Sha256Hex(weights);

        var act = () => MnistClassifier.Load(weights, MnistClassifier.ShippedWeightsSha256, "tampered.weights");

        act.Should().Throw<InvalidDataException>()
            .WithMessage($"*'tampered.weights'*expected SHA-256 {MnistClassifier.ShippedWeightsSha256}, actual {actual}*");
    }

    [Fact]
    public void Bytes_with_the_right_hash_but_not_weights_fail_to_load()
    {
        byte[] garbage = [1, 2, 3, 4, 5, 6, 7, 8];

        var act = () => MnistClassifier.Load(garbage, MnistClassifier.Sha256Hex(garbage), "garbage.weights");

        act.Should().Throw<InvalidDataException>().WithMessage("*'garbage.weights'*could not be loaded*");
    }

    [Fact]
    public void Shipped_weights_round_trip_through_load()
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
    public void Feature_extractor_gives_penultimate_features_and_probabilities()
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
