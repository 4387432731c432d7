using System.Security.Cryptography;
using GanKit.Data;
using GanKit.Metrics;
using GanKit.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

// Runs alone: training seeds torch's process-wide random stream.
[Collection(GanKit.Tests.TestSupport.NonParallelCollection.Name)]
public sealed class ClassifierFeatureExtractorTests
{
    /// <summary>Three classes of 28x28 images: horizontal stripes, vertical stripes, a centred square; plus noise.</summary>
    internal sealed class Shapes : ILabelledDataset, IImageDataset, IDisposable
    {
        public Shapes(int perClass, ulong seed, int channels = 1, int[]? onlyClasses = null)
        {
            var classes = onlyClasses ?? new[] { 0, 1, 2 };
            using var generator = new torch.Generator(seed);
            var rows = torch.arange(28).unsqueeze(1).expand(28, 28);
            var cols = torch.arange(28).unsqueeze(0).expand(28, 28);
            var patterns = new[]
            {
                rows.remainder(6).lt(3),
                cols.remainder(6).lt(3),
                rows.ge(8).logical_and(rows.lt(20)).logical_and(cols.ge(8)).logical_and(cols.lt(20)),
            }.Select(p => p.to(ScalarType.Float32) * 2 - 1).ToArray();
            var images = new List<Tensor>();
            var labels = new List<long>();
            for (int i = 0; i < perClass * classes.Length; i++)
            {
                int c = classes[i % classes.Length];
                var noise = torch.randn(new long[] { channels, 28, 28 }, generator: generator) * 0.3;
                images.Add((patterns[c].unsqueeze(0).expand(channels, 28, 28) + noise).clamp(-1, 1));
                labels.Add(c);
            }

            Images = torch.stack(images).DetachFromDisposeScope();
            Labels = torch.tensor(labels.ToArray()).DetachFromDisposeScope();
        }

        public long Count => Images.shape[0];

        public long[] ImageShape => Images.shape[1..];

        public Tensor Images { get; }

        public Device Device => Images.device;

        public int ClassCount => 3;

        public IReadOnlyList<string> ClassNames => new[] { "horizontal", "vertical", "square" };

        public Tensor Labels { get; }

        public void Dispose()
        {
            Images.Dispose();
            Labels.Dispose();
        }
    }

    private static readonly ClassifierTrainingOptions Quick = new() { Epochs = 3, BatchSize = 16 };

    [Fact]
    public void The_classifier_learns_a_synthetic_labelled_set_and_saves_with_its_hash()
    {
        using var train = new Shapes(40, seed: 1);
        using var test = new Shapes(20, seed: 2);
        using var dir = new TempDirectory();
        using var extractor = ClassifierFeatureExtractor.Train(train, train, Quick);

        extractor.Accuracy(test, test).Should().BeGreaterThan(0.9);
        extractor.Name.Should().Be("lenet-1x28x28-3-classes");
        extractor.ClassNames.Should().Equal("horizontal", "vertical", "square");

        string path = dir.Combine("classifier.bin");
        extractor.Save(path);
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))).Should().Be(extractor.WeightsSha256);
        using var loaded = ClassifierFeatureExtractor.Load(path, extractor.WeightsSha256);
        using var a = extractor.Extract(test.Images);
        using var b = loaded.Extract(test.Images);
        GanKit.Tests.TestSupport.TensorAssert.Identical(a.Features, b.Features).Should().BeTrue();

        FluentActions.Invoking(() => ClassifierFeatureExtractor.Load(path, new string('0', 64)))
            .Should().Throw<InvalidDataException>().WithMessage("*classifier.bin*not the expected*");
        File.WriteAllText(dir.Combine("other.bin"), "{}\nnot weights");
        FluentActions.Invoking(() => ClassifierFeatureExtractor.Load(dir.Combine("other.bin")))
            .Should().Throw<InvalidDataException>().WithMessage("*other.bin*not a classifier*");
    }

    [Fact]
    public void Real_images_score_better_than_noise_and_a_collapse_to_one_class_shows_in_the_table()
    {
        using var train = new Shapes(40, seed: 3, channels: 3);
        using var real = new Shapes(30, seed: 4, channels: 3);
        using var moreReal = new Shapes(30, seed: 5, channels: 3);
        using var collapsed = new Shapes(90, seed: 6, channels: 3, onlyClasses: new[] { 1 });
        using var extractor = ClassifierFeatureExtractor.Train(train, train, Quick);
        using var generator = new torch.Generator(7);
        using var noise = torch.rand(new long[] { 90, 3, 28, 28 }, generator: generator) * 2 - 1;

        var likeReal = ImageSetEvaluator.Evaluate(extractor, real.Images, moreReal.Images, kidSubsets: 10);
        var ofNoise = ImageSetEvaluator.Evaluate(extractor, real.Images, noise, kidSubsets: 10);
        var ofCollapse = ImageSetEvaluator.Evaluate(extractor, real.Images, collapsed.Images, kidSubsets: 10);

        likeReal.ExtractorWeightsSha256.Should().Be(extractor.WeightsSha256);
        likeReal.ExtractorName.Should().Be("lenet-3x28x28-3-classes");
        likeReal.Fid.Should().BeLessThan(ofNoise.Fid);
        likeReal.Kid.Mean.Should().BeLessThan(ofNoise.Kid.Mean);
        likeReal.DensityCoverage.Density.Should().BeGreaterThan(ofNoise.DensityCoverage.Density);
        likeReal.DensityCoverage.Coverage.Should().BeGreaterThan(ofNoise.DensityCoverage.Coverage);

        ofCollapse.PerClass.Select(c => c.ClassName).Should().Equal("horizontal", "vertical", "square");
        ofCollapse.PerClass[1].GeneratedShare.Should().BeGreaterThan(0.95);
        ofCollapse.PerClass[0].RealShare.Should().BeApproximately(1.0 / 3, 0.1);
        ofCollapse.DensityCoverage.Coverage.Should().BeLessThan(likeReal.DensityCoverage.Coverage);
        ofCollapse.PrecisionRecall.Recall.Should().BeLessThan(likeReal.PrecisionRecall.Recall);
    }

    [Fact]
    public void Training_options_have_the_mnist_recipes_defaults_and_name_a_bad_value()
    {
        var options = new ClassifierTrainingOptions();
        options.Epochs.Should().Be(4);
        options.BatchSize.Should().Be(64);
        options.LearningRate.Should().Be(1e-3);
        options.Seed.Should().Be(20_240_607);
        FluentActions.Invoking(() => new ClassifierTrainingOptions { LearningRate = 0 }.Validate())
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*LearningRate*0*");
    }

    [Fact]
    public void The_classifier_refuses_sizes_and_class_counts_outside_its_range()
    {
        FluentActions.Invoking(() => new LeNetClassifier(3, 27, 3)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*28 to 64*27*");
        FluentActions.Invoking(() => new LeNetClassifier(3, 65, 3)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new LeNetClassifier(1, 32, 1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*RandomConvFeatureExtractor*");
        using var sixtyFour = new LeNetClassifier(3, 64, 4);
        using var input = torch.zeros(2, 3, 64, 64);
        using var features = sixtyFour.Features(input);
        features.shape.Should().Equal(2, LeNetClassifier.FeatureDimension);
    }
}
