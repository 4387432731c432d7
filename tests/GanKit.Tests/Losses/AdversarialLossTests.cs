using GanKit.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Losses;

public sealed class AdversarialLossTests
{
    // Logits chosen so every branch matters: a confident real, a wrong real, a borderline fake
    // and a confident fake. Expected values below are worked out by hand from the formulas.
    private static readonly double[] Real = { 2.0, -1.0 };
    private static readonly double[] Fake = { 0.5, -3.0 };

    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    private static double Evaluate(Func<Tensor, Tensor, Tensor> loss)
    {
        using var real = torch.tensor(Real, dtype: ScalarType.Float64).reshape(2, 1);
        using var fake = torch.tensor(Fake, dtype: ScalarType.Float64).reshape(2, 1);
        using var value = loss(real, fake);
        value.dim().Should().Be(0);
        return value.item<double>();
    }

    [Fact]
    public void NonSaturating_matches_binary_cross_entropy_by_hand()
    {
        var loss = new NonSaturatingLoss();
        double d = ((Softplus(-2.0) + Softplus(1.0)) / 2) + ((Softplus(0.5) + Softplus(-3.0)) / 2);
        double g = (Softplus(-0.5) + Softplus(3.0)) / 2;
        Evaluate(loss.DiscriminatorLoss).Should().BeApproximately(d, 1e-12);
        Evaluate((_, f) => loss.GeneratorLoss(f)).Should().BeApproximately(g, 1e-12);
        d.Should().BeApproximately(1.231427017, 1e-8);
        g.Should().BeApproximately(1.761332168, 1e-8);
    }

    [Fact]
    public void Minimax_generator_term_is_mean_log_one_minus_sigmoid()
    {
        var loss = new MinimaxLoss();
        double g = (Math.Log(1 - (1 / (1 + Math.Exp(-0.5)))) + Math.Log(1 - (1 / (1 + Math.Exp(3.0))))) / 2;
        Evaluate((_, f) => loss.GeneratorLoss(f)).Should().BeApproximately(g, 1e-12);
        Evaluate(loss.DiscriminatorLoss).Should().BeApproximately(1.231427017, 1e-8);
    }

    [Fact]
    public void Minimax_generator_term_stays_finite_for_huge_logits()
    {
        using var fake = torch.tensor(new float[] { 200f, -200f });
        using var g = new MinimaxLoss().GeneratorLoss(fake);
        g.item<float>().Should().BeApproximately(-100f, 1e-3f);
    }

    [Fact]
    public void LeastSquares_matches_hand_values()
    {
        var loss = new LeastSquaresLoss();
        // 0.5 * mean(1, 4) + 0.5 * mean(0.25, 9) and 0.5 * mean(0.25, 16).
        Evaluate(loss.DiscriminatorLoss).Should().BeApproximately(3.5625, 1e-12);
        Evaluate((_, f) => loss.GeneratorLoss(f)).Should().BeApproximately(4.0625, 1e-12);
    }

    [Fact]
    public void Hinge_matches_hand_values()
    {
        var loss = new HingeLoss();
        // mean(relu(-1), relu(2)) + mean(relu(1.5), relu(-2)) and -mean(0.5, -3).
        Evaluate(loss.DiscriminatorLoss).Should().BeApproximately(1.75, 1e-12);
        Evaluate((_, f) => loss.GeneratorLoss(f)).Should().BeApproximately(1.25, 1e-12);
    }

    [Fact]
    public void Wasserstein_matches_hand_values()
    {
        var loss = new WassersteinLoss();
        // mean(fake) - mean(real) = -1.25 - 0.5, and -mean(fake).
        Evaluate(loss.DiscriminatorLoss).Should().BeApproximately(-1.75, 1e-12);
        Evaluate((_, f) => loss.GeneratorLoss(f)).Should().BeApproximately(1.25, 1e-12);
    }

    [Fact]
    public void Losses_accept_batches_of_different_sizes()
    {
        using var real = torch.zeros(3, 1);
        using var fake = torch.zeros(5, 1);
        foreach (IAdversarialLoss loss in new IAdversarialLoss[] { new NonSaturatingLoss(), new MinimaxLoss(), new LeastSquaresLoss(), new HingeLoss(), new WassersteinLoss() })
        {
            using var d = loss.DiscriminatorLoss(real, fake);
            d.dim().Should().Be(0, loss.Name);
        }
    }

    [Fact]
    public void Null_logits_are_rejected()
    {
        var loss = new NonSaturatingLoss();
        using var t = torch.zeros(1, 1);
        FluentActions.Invoking(() => loss.DiscriminatorLoss(null!, t)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => loss.GeneratorLoss(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Names_are_distinct()
    {
        new IAdversarialLoss[] { new NonSaturatingLoss(), new MinimaxLoss(), new LeastSquaresLoss(), new HingeLoss(), new WassersteinLoss() }
            .Select(l => l.Name).Should().OnlyHaveUniqueItems();
    }
}
