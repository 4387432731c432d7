using GanKit.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Losses;

public sealed class AuxiliaryClassifierLossTests
{
    // Logits (0, ln 3): softmax (1/4, 3/4). Logits (ln 2, 0): softmax (2/3, 1/3).
    private static Tensor Logits() => torch.tensor(new float[,] { { 0f, (float)Math.Log(3) }, { (float)Math.Log(2), 0f } });

    [Fact]
    public void The_generator_term_is_the_weighted_mean_cross_entropy_of_the_asked_classes()
    {
        using var logits = Logits();
        using var labels = torch.tensor(new long[] { 1, 0 });
        using var loss = new AuxiliaryClassifierLoss(weight: 2).GeneratorLoss(logits, labels);

        double expected = 2 * (-Math.Log(0.75) - Math.Log(2.0 / 3)) / 2;
        loss.item<float>().Should().BeApproximately((float)expected, 1e-6f);
    }

    [Fact]
    public void The_discriminator_term_adds_real_and_fake_unless_fakes_are_left_out()
    {
        using var logits = Logits();
        using var real = torch.tensor(new long[] { 1, 0 });
        using var fake = torch.tensor(new long[] { 0, 1 });
        using var both = new AuxiliaryClassifierLoss().DiscriminatorLoss(logits, real, logits, fake);
        using var realOnly = new AuxiliaryClassifierLoss(fakeTrainsDiscriminator: false).DiscriminatorLoss(logits, real, logits, fake);

        double realTerm = (-Math.Log(0.75) - Math.Log(2.0 / 3)) / 2;
        double fakeTerm = (-Math.Log(0.25) - Math.Log(1.0 / 3)) / 2;
        both.item<float>().Should().BeApproximately((float)(realTerm + fakeTerm), 1e-6f);
        realOnly.item<float>().Should().BeApproximately((float)realTerm, 1e-6f);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_weight_that_is_not_finite_and_positive_is_refused(double weight)
    {
        FluentActions.Invoking(() => new AuxiliaryClassifierLoss(weight)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weight");
    }
}
