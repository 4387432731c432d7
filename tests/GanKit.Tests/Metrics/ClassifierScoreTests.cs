using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class ClassifierScoreTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(3)]
    public void Confident_uniform_predictions_over_k_classes_score_k(int k)
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
    public void A_single_class_scores_one()
    {
        using var probabilities = torch.zeros(500, 10, dtype: ScalarType.Float32);
        probabilities[.., 4] = torch.tensor(1.0f);

        ClassifierScore.Compute(probabilities).Mean.Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Unconfident_predictions_score_one()
    {
        using var probabilities = torch.full(200, 10, 0.1, dtype: ScalarType.Float64);

        ClassifierScore.Compute(probabilities).Mean.Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Matches_a_hand_computed_soft_case()
    {
        // Two rows (0.8, 0.2) and (0.2, 0.8): the marginal is (0.5, 0.5) and each row's KL is
        // 0.8 ln 1.6 + 0.2 ln 0.4, so the score is exp of that.
        using var probabilities = torch.tensor(new double[,] { { 0.8, 0.2 }, { 0.2, 0.8 } });
        double expected = Math.Exp((0.8 * Math.Log(1.6)) + (0.2 * Math.Log(0.4)));

        ClassifierScore.Compute(probabilities, splits: 1).Mean.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Rejects_rows_that_are_not_distributions()
    {
        using var logits = torch.tensor(new double[,] { { 2.0, -1.0 }, { 0.5, 0.5 } });

        FluentActions.Invoking(() => ClassifierScore.Compute(logits, splits: 1))
            .Should().Throw<ArgumentException>().WithMessage("*probability distribution*");
        FluentActions.Invoking(() => ClassifierScore.Compute(logits, splits: 3))
            .Should().Throw<ArgumentException>().WithMessage("*at least 3 rows; got 2*");
    }
}
