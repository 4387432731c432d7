using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class ClassifierScoreTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(3)]
    public void ConfidentUniformPredictionsOverKClassesScoreK(int k)
    {
        // Labels cycle 0..K-1 and every split holds a multiple of K rows, so each split is balanced.
        using var labels = torch.arange(100 * k, dtype: ScalarType.Int64).remainder(k);
        using var probabilities = torch.nn.functional.one_hot(labels, k).to(ScalarType.Float64);

        var score = ClassifierScore.Compute(probabilities, splits: 10);

        score.Mean.Should().BeApproximately(k, 1e-12);
        score.Std.Should().BeApproximately(0.0, 1e-12);
        score.Repeats.Should().Be(10);
        score.SamplesPerRepeat.Should().Be(10 * k);
    }

    [Fact]
    public void ASingleClassScoresOne()
    {
        using var probabilities = torch.zeros(500, 10, dtype: ScalarType.Float32);
        probabilities[.., 4] = torch.tensor(1.0f);

        ClassifierScore.Compute(probabilities).Mean.Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void UnconfidentPredictionsScoreOne()
    {
        using var probabilities = torch.full(200, 10, 0.1, dtype: ScalarType.Float64);

        ClassifierScore.Compute(probabilities).Mean.Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void MatchesAHandComputedSoftCase()
    {
        // Two rows (0.8, 0.2) and (0.2, 0.8): the marginal is (0.5, 0.5) and each row's KL is
        // 0.8 ln 1.6 + 0.2 ln 0.4, so the score is exp of that.
        using var probabilities = torch.tensor(new double[,] { { 0.8, 0.2 }, { 0.2, 0.8 } });
        double expected = Math.Exp((0.8 * Math.Log(1.6)) + (0.2 * Math.Log(0.4)));

        ClassifierScore.Compute(probabilities, splits: 1).Mean.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void RejectsRowsThatAreNotDistributions()
    {
        using var logits = torch.tensor(new double[,] { { 2.0, -1.0 }, { 0.5, 0.5 } });

        FluentActions.Invoking(() => ClassifierScore.Compute(logits, splits: 1))
            .Should().Throw<ArgumentException>().WithMessage("*probability distribution*");
        FluentActions.Invoking(() => ClassifierScore.Compute(logits, splits: 3))
            .Should().Throw<ArgumentException>().WithMessage("*at least 3 rows; got 2*");
    }
}
