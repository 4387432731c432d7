using System.Globalization;
using System.Text.Json;
using GanKit.Mnist.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist.Tests.Evaluation;

/// <summary>Argument checks and formatting of the conditional evaluation, on noise: no MNIST files needed.</summary>
public sealed class MnistConditionalReportTests(NoiseReferenceFixture noise) : IClassFixture<NoiseReferenceFixture>
{
    private const int Count = 40;

    [Fact]
    public void A_conditional_generator_is_asked_for_every_digit_and_an_unconditional_one_is_refused()
    {
        using var generator = MnistDcgan.ConditionalOriginalGenerator(1);
        using var unconditional = MnistDcgan.OriginalGenerator(1);

        var report = noise.Evaluator.EvaluateConditional(generator, samplesPerClass: 3);

        report.Digits.Select(d => d.Count).Should().Equal(Enumerable.Repeat(3L, 10));
        generator.training.Should().BeTrue("the training mode is restored");
        FluentActions.Invoking(() => noise.Evaluator.EvaluateConditional(unconditional, 3)).Should().Throw<ArgumentException>().WithMessage("*unconditional (evaluate it with Evaluate(generator))*");
    }

    [Fact]
    public void Markdown_shows_the_per_digit_table_then_intra_class_FID_and_accuracy_then_the_ordinary_report()
    {
        using var images = NoiseReferenceFixture.Noise(Count);
        using var labels = NoiseReferenceFixture.Cycling(Count);

        var report = noise.Evaluator.EvaluateConditional(images, labels);
        string markdown = report.ToMarkdown();

        var c = CultureInfo.InvariantCulture;
        int table = markdown.IndexOf("| Digit asked for | Class accuracy | FID vs test digit | Mean confidence | Samples | Test images |", StringComparison.Ordinal);
        int intra = markdown.IndexOf(string.Create(c, $"| Intra-class FID (mean over digits) | {report.IntraClassFid:F3} |"), StringComparison.Ordinal);
        int accuracy = markdown.IndexOf(string.Create(c, $"| Class accuracy | {report.ClassAccuracy:P1} |"), StringComparison.Ordinal);
        int overall = markdown.IndexOf(report.Overall.ToMarkdown(), StringComparison.Ordinal);
        table.Should().BeGreaterThanOrEqualTo(0);
        intra.Should().BeGreaterThan(table);
        accuracy.Should().BeGreaterThan(intra);
        overall.Should().BeGreaterThan(accuracy);
        foreach (var d in report.Digits)
        {
            d.Count.Should().Be(4);
            d.ReferenceCount.Should().Be(NoiseReferenceFixture.PerDigit);
            string row = string.Create(c, $"| {d.Digit} | {d.ClassAccuracy:P1} | {d.Fid:F3} | {d.MeanConfidence:F4} | 4 | {NoiseReferenceFixture.PerDigit} |");
            markdown.IndexOf(row, StringComparison.Ordinal).Should().BeInRange(table, intra, $"the row of digit {d.Digit} is in the conditional table");
        }
    }

    [Fact]
    public void JSON_carries_the_per_digit_rows_the_overall_numbers_and_the_ordinary_report()
    {
        using var images = NoiseReferenceFixture.Noise(Count);
        using var labels = NoiseReferenceFixture.Cycling(Count);
        var report = noise.Evaluator.EvaluateConditional(images, labels);

        using var json = JsonDocument.Parse(report.ToJson());

        var root = json.RootElement;
        root.GetProperty("intraClassFid").GetDouble().Should().Be(report.IntraClassFid);
        root.GetProperty("classAccuracy").GetDouble().Should().Be(report.ClassAccuracy);
        var digits = root.GetProperty("digits");
        digits.GetArrayLength().Should().Be(10);
        digits[3].GetProperty("digit").GetInt32().Should().Be(3);
        digits[3].GetProperty("classAccuracy").GetDouble().Should().Be(report.Digits[3].ClassAccuracy);
        digits[3].GetProperty("fid").GetDouble().Should().Be(report.Digits[3].Fid);
        digits[3].GetProperty("meanConfidence").GetDouble().Should().Be(report.Digits[3].MeanConfidence);
        root.GetProperty("overall").GetProperty("fid").GetDouble().Should().Be(report.Overall.Fid);
        root.GetProperty("overall").GetProperty("generatedCount").GetInt64().Should().Be(Count);
    }

    [Fact]
    public void Labels_of_any_integer_type_give_the_same_report_as_int64()
    {
        using var images = NoiseReferenceFixture.Noise(Count);
        using var labels = NoiseReferenceFixture.Cycling(Count);
        using var bytes = labels.to(ScalarType.Byte);

        var wide = noise.Evaluator.EvaluateConditional(images, labels);
        var narrow = noise.Evaluator.EvaluateConditional(images, bytes);

        narrow.IntraClassFid.Should().Be(wide.IntraClassFid);
        narrow.ClassAccuracy.Should().Be(wide.ClassAccuracy);
        narrow.Digits.Should().Equal(wide.Digits);
    }

    [Fact]
    public void Rejects_labels_of_the_wrong_shape_type_or_count()
    {
        using var images = NoiseReferenceFixture.Noise(Count);
        using var labels = NoiseReferenceFixture.Cycling(Count);
        using var column = labels.unsqueeze(1);
        using var floats = labels.to(ScalarType.Float32);
        using var flags = labels.gt(4);
        using var short_ = NoiseReferenceFixture.Cycling(Count - 1);
        var evaluator = noise.Evaluator;

        FluentActions.Invoking(() => evaluator.EvaluateConditional(images, column))
            .Should().Throw<ArgumentException>().WithParameterName("requestedLabels").WithMessage("*1-D [N]*got shape [40, 1]*");
        FluentActions.Invoking(() => evaluator.EvaluateConditional(images, floats))
            .Should().Throw<ArgumentException>().WithParameterName("requestedLabels").WithMessage("*integers*got Float32*");
        FluentActions.Invoking(() => evaluator.EvaluateConditional(images, flags))
            .Should().Throw<ArgumentException>().WithMessage("*integers*got Bool*");
        FluentActions.Invoking(() => evaluator.EvaluateConditional(images, short_))
            .Should().Throw<ArgumentException>().WithMessage("*one requested label per image*[40, 1, 28, 28]*39 labels*");
        FluentActions.Invoking(() => evaluator.EvaluateConditional(null!, short_)).Should().Throw<ArgumentNullException>().WithParameterName("images");
        FluentActions.Invoking(() => evaluator.EvaluateConditional(images, (Tensor)null!)).Should().Throw<ArgumentNullException>().WithParameterName("requestedLabels");
    }

    [Fact]
    public void Rejects_a_label_outside_the_digits_and_names_its_index_and_value()
    {
        using var images = NoiseReferenceFixture.Noise(Count);
        var values = Enumerable.Range(0, Count).Select(i => (long)(i % 10)).ToArray();
        values[17] = 12;
        using var twelve = torch.tensor(values);
        values[17] = 7;
        values[5] = -1;
        values[30] = 10;
        using var negative = torch.tensor(values);

        FluentActions.Invoking(() => noise.Evaluator.EvaluateConditional(images, twelve))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("requestedLabels").WithMessage("*digits in [0, 10)*requestedLabels[17] is 12.*");
        FluentActions.Invoking(() => noise.Evaluator.EvaluateConditional(images, negative))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*requestedLabels[5] is -1 (1 more labels are out of range)*");
    }

    [Fact]
    public void Rejects_digits_asked_for_fewer_than_twice_and_names_them()
    {
        // Four images of each digit, except one 4 (three turned into 5s) and no 7 (all turned into 8s).
        var values = Enumerable.Range(0, Count).Select(i => (long)(i % 10)).ToArray();
        values = values.Select(v => v == 7 ? 8 : v).ToArray();
        int turned = 0;
        for (int i = 0; i < values.Length && turned < 3; i++)
        {
            if (values[i] == 4)
            {
                values[i] = 5;
                turned++;
            }
        }

        using var images = NoiseReferenceFixture.Noise(Count);
        using var labels = torch.tensor(values);

        FluentActions.Invoking(() => noise.Evaluator.EvaluateConditional(images, labels))
            .Should().Throw<ArgumentException>().WithParameterName("requestedLabels").WithMessage("*at least 2 images asked for each digit*too few for digit 4 (1 image), digit 7 (0 images).*");
    }

    [Fact]
    public void Needs_a_reference_with_two_images_of_every_digit()
    {
        using var labels = torch.arange(10 * NoiseReferenceFixture.PerDigit, dtype: ScalarType.Int64).remainder_(9);
        using var noNines = new MnistEvaluator(noise.ReferenceImages, labels, noise.Extractor, new MnistEvaluatorOptions { KidSubsets = 5 });
        using var images = NoiseReferenceFixture.Noise(Count);
        using var requested = NoiseReferenceFixture.Cycling(Count);

        FluentActions.Invoking(() => noNines.EvaluateConditional(images, requested))
            .Should().Throw<InvalidOperationException>().WithMessage("*fewer than 2 images of digit 9 (0 images)*");
    }

    [Fact]
    public void Rejects_a_generate_delegate_that_returns_null_or_the_wrong_shape()
    {
        var evaluator = noise.Evaluator;

        FluentActions.Invoking(() => evaluator.EvaluateConditional((_, _) => null!, latentDim: 4, samplesPerClass: 2))
            .Should().Throw<ArgumentException>().WithParameterName("generate").WithMessage("*returned null for the batch of 20 images starting at sample 0*");
        FluentActions.Invoking(() => evaluator.EvaluateConditional((_, labels) => torch.zeros(labels.shape[0], 784), latentDim: 4, samplesPerClass: 2))
            .Should().Throw<ArgumentException>().WithParameterName("generate").WithMessage("*returned shape [20, 784] for a batch of 20*needs [20, 1, 28, 28]*");
        FluentActions.Invoking(() => evaluator.EvaluateConditional((_, labels) => torch.zeros(labels.shape[0] - 1, 1, 28, 28), latentDim: 4, samplesPerClass: 2))
            .Should().Throw<ArgumentException>().WithMessage("*returned shape [19, 1, 28, 28] for a batch of 20*");
        FluentActions.Invoking(() => evaluator.EvaluateConditional((_, labels) => torch.zeros(labels.shape[0], 1, 28, 28), latentDim: 4, samplesPerClass: 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samplesPerClass");
        FluentActions.Invoking(() => evaluator.EvaluateConditional((_, labels) => torch.zeros(labels.shape[0], 1, 28, 28), latentDim: 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("latentDim");
        FluentActions.Invoking(() => evaluator.EvaluateConditional((Func<Tensor, Tensor, Tensor>)null!, latentDim: 4))
            .Should().Throw<ArgumentNullException>().WithParameterName("generate");
    }

    [Fact]
    public void A_generator_is_called_with_interleaved_digits_and_seeded_noise()
    {
        var seen = new List<long>();
        Tensor Generate(Tensor latent, Tensor labels)
        {
            seen.AddRange(labels.data<long>().ToArray());
            return latent.narrow(1, 0, 1).reshape(-1, 1, 1, 1).expand(-1, 1, 28, 28).tanh();
        }

        var first = noise.Evaluator.EvaluateConditional(Generate, latentDim: 3, samplesPerClass: 3);
        var second = noise.Evaluator.EvaluateConditional(Generate, latentDim: 3, samplesPerClass: 3);

        seen.Should().Equal(Enumerable.Range(0, 60).Select(i => (long)(i % 10)));
        first.Digits.Should().OnlyContain(d => d.Count == 3);
        second.Should().BeEquivalentTo(first, "the noise comes from the options' seed only");
    }
}
