using GanKit.Losses;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;

namespace GanKit.Tests.Losses;

public sealed class RelativisticAverageLossTests
{
    // real logits r = [1, 3] (mean 2), fake f = [0, -2] (mean -1).
    // r - mean(f) = [2, 4]; f - mean(r) = [-2, -4].
    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    [Fact]
    public void The_discriminator_loss_matches_the_hand_computed_value()
    {
        using var real = torch.tensor(new[] { 1.0, 3.0 }).reshape(2, 1);
        using var fake = torch.tensor(new[] { 0.0, -2.0 }).reshape(2, 1);

        using var loss = new RelativisticAverageLoss().DiscriminatorLoss(real, fake);

        // BCE(x, 1) = softplus(-x); BCE(x, 0) = softplus(x).
        double realTerm = (Softplus(-2) + Softplus(-4)) / 2;
        double fakeTerm = (Softplus(-2) + Softplus(-4)) / 2;
        loss.item<double>().Should().BeApproximately((realTerm + fakeTerm) / 2, 1e-12);
    }

    [Fact]
    public void The_generator_loss_uses_both_terms_and_matches_the_hand_computed_value()
    {
        using var real = torch.tensor(new[] { 1.0, 3.0 }).reshape(2, 1);
        using var fake = torch.tensor(new[] { 0.0, -2.0 }).reshape(2, 1);
        IAdversarialLoss ragan = new RelativisticAverageLoss();

        using var loss = ragan.GeneratorLoss(real, fake);

        double realTerm = (Softplus(2) + Softplus(4)) / 2;
        double fakeTerm = (Softplus(2) + Softplus(4)) / 2;
        loss.item<double>().Should().BeApproximately((realTerm + fakeTerm) / 2, 1e-12);
        ragan.GeneratorUsesRealLogits.Should().BeTrue();
        FluentActions.Invoking(() => ragan.GeneratorLoss(fake)).Should().Throw<NotSupportedException>().WithMessage("*GeneratorLoss(realLogits, fakeLogits)*");
    }

    [Fact]
    public void The_generator_gradient_flows_through_the_real_term_too()
    {
        using var real = torch.tensor(new[] { 1.0, 3.0 }).reshape(2, 1);
        using var fake = torch.tensor(new[] { 0.0, -2.0 }, requires_grad: true);
        using var fakeLogits = fake.reshape(2, 1);

        using var loss = ((IAdversarialLoss)new RelativisticAverageLoss()).GeneratorLoss(real, fakeLogits);
        loss.backward();

        // d/df_j of (mean softplus(-(r - mean f)) ... ) by hand: the real term moves with mean(f).
        double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        double[] expected = new double[2];
        double[] rMinusMeanF = [2, 4];
        double[] fMinusMeanR = [-2, -4];
        for (int j = 0; j < 2; j++)
        {
            // real term: mean_i softplus(r_i - mean f) (target 0); d/df_j = mean_i sigmoid(.) * (-1/2)
            double realPart = rMinusMeanF.Average(x => Sigmoid(x)) * -0.5;

            // fake term: mean_i softplus(-(f_i - mean r)) (target 1); d/df_j = -sigmoid(-(f_j - mean r)) / 2
            double fakePart = -Sigmoid(-fMinusMeanR[j]) / 2;
            expected[j] = (realPart + fakePart) / 2;
        }

        fake.grad!.data<double>().ToArray().Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-12);
    }

    [Theory]
    [InlineData(UpdateScheme.Simultaneous)]
    [InlineData(UpdateScheme.Alternating)]
    public void A_relativistic_run_trains_with_both_schemes(UpdateScheme scheme)
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Loss = new RelativisticAverageLoss();
        options.UpdateScheme = scheme;
        using var generator = TinyGan.Generator();
        using var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        var history = trainer.Fit(data);

        history.Rows.Should().OnlyContain(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss));
    }
}
