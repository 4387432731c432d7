using GanKit.Mnist.Evaluation;

namespace GanKit.Mnist.Tests.Evaluation;

public sealed class MnistEvaluatorOptionsTests
{
    [Fact]
    public void Defaults_are_the_reference_settings()
    {
        var options = new MnistEvaluatorOptions();

        options.KidSubsets.Should().Be(100);
        options.KidSubsetSize.Should().Be(1000);
        options.ClassifierScoreSplits.Should().Be(10);
        options.PrecisionRecallK.Should().Be(3);
        options.Seed.Should().Be(0);
        options.BatchSize.Should().Be(500);
        MnistEvaluatorOptions.DefaultSampleCount.Should().Be(10_000);
    }

    [Theory]
    [InlineData(nameof(MnistEvaluatorOptions.KidSubsets))]
    [InlineData(nameof(MnistEvaluatorOptions.KidSubsetSize))]
    [InlineData(nameof(MnistEvaluatorOptions.ClassifierScoreSplits))]
    [InlineData(nameof(MnistEvaluatorOptions.PrecisionRecallK))]
    [InlineData(nameof(MnistEvaluatorOptions.BatchSize))]
    public void Validate_names_the_setting_that_is_out_of_range(string setting)
    {
        var options = new MnistEvaluatorOptions();
        typeof(MnistEvaluatorOptions).GetProperty(setting)!.SetValue(options, 0);

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(setting);
    }
}
