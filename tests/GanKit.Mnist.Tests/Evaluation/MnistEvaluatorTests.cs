using System.Text.Json;
using GanKit.Mnist.Evaluation;
using GanKit.Mnist.Tests.TestSupport;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests.Evaluation;

/// <summary>
/// The evaluator on real MNIST. Sample counts are kept at 2,000-5,000 so the class runs in
/// seconds; the test split (10,000 images) is the reference throughout.
/// </summary>
[Collection(MnistSplitsCollection.Name)]
[Trait(TestData.Trait, TestData.RealMnist)]
public sealed class MnistEvaluatorTests(MnistSplitsFixture splits, ITestOutputHelper output)
{
    private const int TrainSamples = 5000;
    private const int NoiseSamples = 2000;

    [Fact]
    public void Train_images_score_like_the_test_split()
    {
        using var images = splits.Train.Images.narrow(0, 0, TrainSamples);

        var report = splits.Evaluator.Evaluate(images);

        output.WriteLine($"FID test vs {TrainSamples} train images: {report.Fid:F4}");
        output.WriteLine(report.ToMarkdown());
        // Two samples of one distribution: FID is only the small-sample bias (about 4 at 5,000
        // images, against about 1,300 for noise) and the unbiased KID lies within its std of 0.
        report.Fid.Should().BeLessThan(10.0);
        Math.Abs(report.Kid).Should().BeLessThan(report.KidStd);
        report.Precision.Should().BeGreaterThan(0.8);
        report.Recall.Should().BeGreaterThan(0.8);
        report.ClassifierScore.Should().BeGreaterThan(9.0);
        report.Histogram.CoveredClasses.Should().Be(10);
        report.KlFromUniform.Should().BeLessThan(0.01);

        // About 500 images per digit and 128 dimensions leave a larger bias per digit, and digits
        // differ in their own spread (real 2s score worst), so rows compare models, not digits.
        report.Digits.Should().OnlyContain(d => d.Fid < 30.0 && d.MeanConfidence > 0.95);
    }

    [Fact]
    public void Uniform_noise_is_far_from_the_test_split()
    {
        using var generator = new torch.Generator(7);
        using var noise = torch.rand(NoiseSamples, 1, 28, 28, generator: generator) * 2 - 1;
        using var train = splits.Train.Images.narrow(0, 0, NoiseSamples);

        var noiseReport = splits.Evaluator.Evaluate(noise);
        var trainReport = splits.Evaluator.Evaluate(train);

        output.WriteLine($"FID test vs {NoiseSamples} uniform-noise images: {noiseReport.Fid:F2}");
        output.WriteLine($"FID test vs {NoiseSamples} train images: {trainReport.Fid:F4}");
        output.WriteLine(noiseReport.ToMarkdown());
        noiseReport.Fid.Should().BeGreaterThan(100 * trainReport.Fid).And.BeGreaterThan(10.0);
        noiseReport.Kid.Should().BeGreaterThan(10 * noiseReport.KidStd);
        noiseReport.Precision.Should().BeLessThan(0.05);
        noiseReport.Recall.Should().BeLessThan(0.05);
    }

    [Fact]
    public void Report_records_counts_settings_and_the_extractor()
    {
        using var images = splits.Train.Images.narrow(0, TrainSamples, 2000);

        var report = splits.Evaluator.Evaluate(images);

        report.GeneratedCount.Should().Be(2000);
        report.ReferenceCount.Should().Be(10_000);
        report.ExtractorName.Should().Be(MnistClassifier.NetworkName);
        report.ExtractorWeightsSha256.Should().Be(MnistClassifier.ShippedWeightsSha256);
        report.KidSubsets.Should().Be(20);
        report.KidSubsetSize.Should().Be(1000);
        report.ClassifierScoreSplits.Should().Be(10);
        report.PrecisionRecallK.Should().Be(3);
        report.Seed.Should().Be(3);
        report.Digits.Select(d => d.Digit).Should().Equal(Enumerable.Range(0, 10));
        report.Digits.Sum(d => d.Count).Should().Be(2000);
        report.Digits.Sum(d => d.Share).Should().BeApproximately(1.0, 1e-12);
        report.Digits.Sum(d => d.ReferenceCount).Should().Be(10_000);
    }

    [Fact]
    public void A_single_digit_shows_up_as_collapse_in_the_histogram_and_table()
    {
        using var sevens = splits.Train.Labels.eq(7).nonzero().squeeze(1).narrow(0, 0, 1000);
        using var images = splits.Train.Images.index_select(0, sevens);

        var report = splits.Evaluator.Evaluate(images);

        output.WriteLine(report.ToMarkdown());
        report.Histogram.CoveredClasses.Should().Be(1);
        report.KlFromUniform.Should().BeGreaterThan(2.0, "ln 10 = 2.30 for a single class");
        report.ClassifierScore.Should().BeLessThan(1.5);
        report.Recall.Should().BeLessThan(0.3);
        report.Digits[7].Fid.Should().BeLessThan(15.0, "the sevens themselves are real");
        report.Digits[3].Count.Should().BeLessThan(10);
        report.Fid.Should().BeGreaterThan(10 * report.Digits[7].Fid!.Value);
    }

    [Fact]
    public void JSON_and_markdown_carry_every_number()
    {
        using var images = splits.Train.Images.narrow(0, 0, 500);
        var report = splits.Evaluator.Evaluate(images);

        using var json = JsonDocument.Parse(report.ToJson());
        string markdown = report.ToMarkdown();

        var root = json.RootElement;
        root.GetProperty("fid").GetDouble().Should().Be(report.Fid);
        root.GetProperty("kid").GetDouble().Should().Be(report.Kid);
        root.GetProperty("classifierScore").GetDouble().Should().Be(report.ClassifierScore);
        root.GetProperty("precision").GetDouble().Should().Be(report.Precision);
        root.GetProperty("recall").GetDouble().Should().Be(report.Recall);
        root.GetProperty("extractorWeightsSha256").GetString().Should().Be(MnistClassifier.ShippedWeightsSha256);
        root.GetProperty("digits").GetArrayLength().Should().Be(10);
        root.GetProperty("histogram").GetProperty("counts").GetArrayLength().Should().Be(10);
        markdown.Should().Contain("| FID |").And.Contain("| Digit | Share | Mean confidence | FID vs test digit |").And.Contain(MnistClassifier.ShippedWeightsSha256);
        markdown.Split('\n').Count(line => line.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(line[2])).Should().Be(10);
    }

    [Fact]
    public void Rejects_too_few_images_and_wrong_shapes()
    {
        using var two = splits.Train.Images.narrow(0, 0, 2);
        using var flat = torch.zeros(20, 784);

        FluentActions.Invoking(() => splits.Evaluator.Evaluate(two))
            .Should().Throw<ArgumentException>().WithMessage("*at least 10 images*got 2*");
        FluentActions.Invoking(() => splits.Evaluator.Evaluate(flat))
            .Should().Throw<ArgumentException>().WithMessage("*[N, 1, 28, 28]*got [20, 784]*");
    }

    [Fact]
    public void Evaluates_a_generator_with_seeded_latents_and_restores_its_mode()
    {
        // An untrained generator of the report's architecture: its numbers are poor but must be
        // well defined and repeat exactly for one seed.
        torch.manual_seed(11);
        using var generator = MnistDcgan.OriginalGenerator();
        generator.train();
        var evaluator = splits.Evaluator;

        var first = evaluator.Evaluate(generator, sampleCount: 200);
        var second = evaluator.Evaluate(generator, sampleCount: 200);

        first.GeneratedCount.Should().Be(200);
        first.Fid.Should().BeGreaterThan(0).And.Be(second.Fid);
        first.Kid.Should().Be(second.Kid);
        first.Precision.Should().Be(second.Precision);
        generator.training.Should().BeTrue();
        FluentActions.Invoking(() => evaluator.Evaluate(generator, sampleCount: 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_one_argument_constructor_uses_the_shipped_classifier_and_reference_settings()
    {
        using var evaluator = new MnistEvaluator(splits.Test);
        using var images = splits.Train.Images.narrow(0, 0, 300);

        var report = evaluator.Evaluate(images);

        evaluator.ReferenceCount.Should().Be(10_000);
        evaluator.Extractor.WeightsSha256.Should().Be(MnistClassifier.ShippedWeightsSha256);
        report.KidSubsets.Should().Be(100);
        report.KidSubsetSize.Should().Be(300, "subsets are capped at the smaller set");
        report.Seed.Should().Be(0);
        report.Fid.Should().BePositive();
    }

    [Fact]
    public void The_general_constructor_rejects_labels_that_do_not_match_the_images()
    {
        using var extractor = new MnistFeatureExtractor();
        using var images = splits.Test.Images.narrow(0, 0, 50);
        using var labels = splits.Test.Labels.narrow(0, 0, 40);

        FluentActions.Invoking(() => new MnistEvaluator(images, labels, extractor))
            .Should().Throw<ArgumentException>().WithParameterName("referenceLabels").WithMessage("*got 50 images and labels of shape [40]*");
    }
}
