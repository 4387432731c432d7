using GanKit.Metrics;
using GanKit.Mnist.Evaluation;
using GanKit.Mnist.Tests.TestSupport;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests.Evaluation;

/// <summary>
/// Per-class evaluation on real MNIST: train images stand in for a conditional generator, asked
/// either for their own digit (a perfect conditional model) or for a digit unrelated to the image
/// (a model that ignores its label). 1,000-3,000 images per test keep the class fast.
/// </summary>
[Collection(MnistSplitsCollection.Name)]
[Trait(TestData.Trait, TestData.RealMnist)]
public sealed class MnistConditionalEvaluationTests(MnistSplitsFixture splits, ITestOutputHelper output)
{
    private const int Samples = 3000;

    [Fact]
    public void Real_digits_asked_for_their_own_label_score_the_classifiers_accuracy_and_a_small_per_class_FID()
    {
        using var images = splits.Train.Images.narrow(0, 0, Samples);
        using var labels = splits.Train.Labels.narrow(0, 0, Samples);

        var report = splits.Evaluator.EvaluateConditional(images, labels);

        output.WriteLine(report.ToMarkdown());
        using var features = splits.Evaluator.Extractor.Extract(images);
        using var predicted = features.PredictedClasses();
        using var counts = torch.bincount(labels, minlength: 10);
        report.Digits.Select(d => d.Digit).Should().Equal(Enumerable.Range(0, 10));
        report.Digits.Select(d => d.Count).Should().Equal(counts.data<long>().ToArray());
        report.Digits.Sum(d => d.ReferenceCount).Should().Be(10_000);
        foreach (var digit in report.Digits)
        {
            // The classifier's own accuracy on the real images of this digit, counted independently.
            using var scope = torch.NewDisposeScope();
            var ofDigit = labels.eq(digit.Digit);
            double expected = predicted.masked_select(ofDigit).eq(digit.Digit).to(ScalarType.Float64).mean().item<double>();
            digit.ClassAccuracy.Should().BeApproximately(expected, 1e-12, $"digit {digit.Digit}").And.BeGreaterThan(0.95);
            digit.MeanConfidence.Should().BeGreaterThan(0.95);
            // About 300 real images per digit against about 1,000 test ones: only the small-sample
            // bias of FID in 128 dimensions, against over 1,000 for images of random digits.
            digit.Fid.Should().BeLessThan(30.0, $"digit {digit.Digit} is real");
        }

        report.ClassAccuracy.Should().BeGreaterThan(0.97);
        report.IntraClassFid.Should().BeApproximately(report.Digits.Average(d => d.Fid), 1e-12);
        report.Overall.GeneratedCount.Should().Be(Samples);
        report.Overall.Fid.Should().BeLessThan(report.IntraClassFid, "the whole set pools 3,000 images, so its bias is smaller than any digit's");
    }

    [Fact]
    public void Real_threes_score_the_FID_of_real_threes_against_the_test_threes()
    {
        using var threeRows = splits.Train.Labels.eq(3).nonzero().squeeze(1).narrow(0, 0, 400);
        using var otherRows = splits.Train.Labels.ne(3).nonzero().squeeze(1).narrow(0, 0, 1800);
        using var rows = torch.cat([threeRows, otherRows], 0);
        using var images = splits.Train.Images.index_select(0, rows);
        using var labels = splits.Train.Labels.index_select(0, rows);
        using var testThreeRows = splits.Test.Labels.eq(3).nonzero().squeeze(1);
        using var testThrees = splits.Test.Images.index_select(0, testThreeRows);
        using var trainThrees = splits.Train.Images.index_select(0, threeRows);
        using var testFeatures = splits.Evaluator.Extractor.Extract(testThrees);
        using var trainFeatures = splits.Evaluator.Extractor.Extract(trainThrees);
        double reference = FrechetDistance.Compute(trainFeatures.Features, testFeatures.Features);

        var threes = splits.Evaluator.EvaluateConditional(images, labels).Digits[3];

        output.WriteLine($"400 real 3s: class accuracy {threes.ClassAccuracy:P2}, FID vs test 3s {threes.Fid:F3} (computed directly {reference:F3})");
        threes.Count.Should().Be(400);
        threes.ReferenceCount.Should().Be(testThreeRows.shape[0]);
        // Equal up to float32 round-off: the classifier sees the 3s in differently composed batches.
        threes.Fid.Should().BeApproximately(reference, 1e-4);
        threes.ClassAccuracy.Should().BeGreaterThan(0.95);
    }

    [Fact]
    public void Real_digits_paired_with_random_requested_labels_score_a_class_accuracy_of_about_one_in_ten()
    {
        using var images = splits.Train.Images.narrow(0, Samples, Samples);
        using var trueLabels = splits.Train.Labels.narrow(0, Samples, Samples);
        using var random = new torch.Generator(5);
        using var randomLabels = torch.randint(0, 10, [Samples], dtype: ScalarType.Int64, generator: random);

        var ignoring = splits.Evaluator.EvaluateConditional(images, randomLabels);
        var honest = splits.Evaluator.EvaluateConditional(images, trueLabels);

        output.WriteLine($"Random labels: class accuracy {ignoring.ClassAccuracy:P2}, intra-class FID {ignoring.IntraClassFid:F2}; true labels: {honest.ClassAccuracy:P2}, {honest.IntraClassFid:F2}");
        output.WriteLine(ignoring.ToMarkdown());
        // 3,000 draws of a 1-in-10 event: the standard error is 0.55 points, so 0.07-0.13 is over 5 of them.
        ignoring.ClassAccuracy.Should().BeInRange(0.07, 0.13);
        ignoring.Digits.Should().OnlyContain(d => d.ClassAccuracy < 0.25 && d.MeanConfidence < 0.25);
        ignoring.IntraClassFid.Should().BeGreaterThan(5 * honest.IntraClassFid);
        ignoring.Overall.Fid.Should().Be(honest.Overall.Fid, "the ordinary report ignores the labels");
    }

    [Fact]
    public void A_conditional_generator_is_asked_for_balanced_digits_with_the_seeded_latents_in_batches()
    {
        const int perClass = 100;
        const long latentDim = 7;
        var pool = new DigitPool(splits.Train);
        var noises = new List<Tensor>();
        var batchSizes = new List<long>();
        Tensor Generate(Tensor noise, Tensor labels)
        {
            noise.dtype.Should().Be(ScalarType.Float32);
            noise.device_type.Should().Be(DeviceType.CPU);
            labels.dtype.Should().Be(ScalarType.Int64);
            labels.device_type.Should().Be(DeviceType.CPU);
            noise.shape.Should().Equal(labels.shape[0], latentDim);
            batchSizes.Add(labels.shape[0]);
            noises.Add(noise.clone().DetachFromDisposeScope());
            return pool.ImagesOf(labels);
        }

        try
        {
            var first = splits.Evaluator.EvaluateConditional(Generate, latentDim, perClass);
            var second = splits.Evaluator.EvaluateConditional(Generate, latentDim, perClass);

            output.WriteLine(first.ToMarkdown());
            // 1,000 images per call, in batches of the options' 500.
            batchSizes.Should().Equal(500, 500, 500, 500);
            first.Digits.Should().OnlyContain(d => d.Count == perClass && d.ClassAccuracy > 0.9);
            first.ClassAccuracy.Should().BeGreaterThan(0.97);
            second.ClassAccuracy.Should().BeGreaterThan(0.97, "the second call draws other real images of the same digits");

            // The latents are the seed's standard normal stream, the one unconditional evaluation draws.
            using var seeded = new torch.Generator((ulong)MnistSplitsFixture.Options.Seed);
            using var expected = torch.randn(10 * perClass, latentDim, generator: seeded);
            using var firstNoise = torch.cat(noises.Take(2).ToList(), 0);
            using var secondNoise = torch.cat(noises.Skip(2).ToList(), 0);
            firstNoise.allclose(expected, rtol: 0, atol: 0).Should().BeTrue();
            secondNoise.allclose(expected, rtol: 0, atol: 0).Should().BeTrue();
        }
        finally
        {
            foreach (var noise in noises)
            {
                noise.Dispose();
            }
        }
    }

    [Fact]
    public void A_generator_that_ignores_its_label_scores_a_class_accuracy_of_about_one_in_ten()
    {
        long next = 0;
        Tensor IgnoreLabel(Tensor noise, Tensor labels)
        {
            var images = splits.Train.Images.narrow(0, next, labels.shape[0]);
            next += labels.shape[0];
            return images;
        }

        var report = splits.Evaluator.EvaluateConditional(IgnoreLabel, latentDim: 100, samplesPerClass: 300);

        output.WriteLine($"Label-ignoring generator: class accuracy {report.ClassAccuracy:P2} over {report.Overall.GeneratedCount} images");
        report.Overall.GeneratedCount.Should().Be(Samples);
        report.ClassAccuracy.Should().BeInRange(0.07, 0.13);
        report.Overall.Fid.Should().BeLessThan(10.0, "the images themselves are real");
    }

    /// <summary>Hands out real train images of the requested digits, each image once, like a perfect conditional generator.</summary>
    private sealed class DigitPool
    {
        private readonly MnistDataset train;
        private readonly long[][] rowsByDigit;
        private readonly int[] used = new int[10];

        public DigitPool(MnistDataset train)
        {
            this.train = train;
            var labels = train.Labels.data<long>().ToArray();
            rowsByDigit = Enumerable.Range(0, 10).Select(d => Enumerable.Range(0, labels.Length).Where(i => labels[i] == d).Select(i => (long)i).ToArray()).ToArray();
        }

        public Tensor ImagesOf(Tensor labels)
        {
            var rows = labels.data<long>().ToArray().Select(d => rowsByDigit[d][used[d]++]).ToArray();
            using var index = torch.tensor(rows);
            return train.Images.index_select(0, index);
        }
    }
}
