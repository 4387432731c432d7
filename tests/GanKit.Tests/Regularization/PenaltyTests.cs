using GanKit.Regularization;
using GanKit.Tests.TestSupport;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Tests.Regularization;

// Runs alone: the comparisons below rely on torch's process-wide random stream, which test
// classes running in parallel would otherwise draw from in between.
[Collection(NonParallelCollection.Name)]
public sealed class PenaltyTests
{
    private const double Step = 1e-6;

    // A small smooth critic in float64, so central differences are accurate to ~1e-9.
    private static Sequential TinyCritic(int seed)
    {
        torch.manual_seed(seed);
        var net = nn.Sequential(nn.Flatten(), nn.Linear(6, 5), nn.Tanh(), nn.Linear(5, 1));
        net.to(ScalarType.Float64);
        return net;
    }

    private static Tensor Images(int seed, int n)
    {
        torch.manual_seed(seed);
        return torch.randn(n, 1, 2, 3, dtype: ScalarType.Float64);
    }

    // d(sum D)/dx by central differences, one input element at a time.
    private static double[] NumericInputGradient(nn.Module<Tensor, Tensor> critic, Tensor x)
    {
        using var noGrad = torch.no_grad();
        var flat = x.detach().clone().reshape(-1);
        var result = new double[flat.numel()];
        for (int i = 0; i < result.Length; i++)
        {
            double original = flat[i].item<double>();
            flat[i] = original + Step;
            double up = critic.call(flat.reshape(x.shape)).sum().item<double>();
            flat[i] = original - Step;
            double down = critic.call(flat.reshape(x.shape)).sum().item<double>();
            flat[i] = original;
            result[i] = (up - down) / (2 * Step);
        }

        return result;
    }

    private static void SetWeight(Tensor weight, long row, long column, double value)
    {
        using var noGrad = torch.no_grad();
        weight[row, column] = value;
    }

    private static double ExpectedPenalty(double[] grad, int n, Func<double[], double> perSample)
    {
        int per = grad.Length / n;
        return Enumerable.Range(0, n).Select(i => perSample(grad.Skip(i * per).Take(per).ToArray())).Average();
    }

    [Fact]
    public void Gradient_penalty_matches_finite_differences_at_the_same_interpolates()
    {
        var critic = TinyCritic(1);
        using var real = Images(2, 4);
        using var fake = Images(3, 4);
        var penalty = new GradientPenalty(lambda: 10);

        torch.manual_seed(42);
        using var value = penalty.Compute(critic, real, fake);

        // Redraw the same interpolation weights the penalty drew after the same seed.
        torch.manual_seed(42);
        using var alpha = torch.rand(new long[] { 4, 1, 1, 1 }, dtype: ScalarType.Float64);
        using var mixed = (alpha * real) + ((1 - alpha) * fake);
        var grad = NumericInputGradient(critic, mixed);
        double expected = 10 * ExpectedPenalty(grad, 4, g => Math.Pow(Math.Sqrt(g.Sum(v => v * v)) - 1, 2));

        value.item<double>().Should().BeApproximately(expected, 1e-6);
        expected.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Gradient_penalty_backpropagates_into_the_critic_as_finite_differences_predict()
    {
        var critic = TinyCritic(4);
        using var real = Images(5, 3);
        using var fake = Images(6, 3);
        var penalty = new GradientPenalty();
        var weight = critic.parameters().First();

        double PenaltyAt()
        {
            torch.manual_seed(7);
            using var p = penalty.Compute(critic, real, fake);
            return p.item<double>();
        }

        torch.manual_seed(7);
        critic.zero_grad();
        using (var p = penalty.Compute(critic, real, fake))
        {
            p.backward();
        }

        double analytic = weight.grad![0, 0].item<double>();
        double original = weight[0, 0].item<double>();
        SetWeight(weight, 0, 0, original + Step);
        double up = PenaltyAt();
        SetWeight(weight, 0, 0, original - Step);
        double down = PenaltyAt();
        SetWeight(weight, 0, 0, original);
        double numeric = (up - down) / (2 * Step);

        analytic.Should().BeApproximately(numeric, 1e-5);
        analytic.Should().NotBe(0);
    }

    [Fact]
    public void R1_matches_finite_differences_on_real_images()
    {
        var critic = TinyCritic(8);
        using var real = Images(9, 5);
        using var fake = Images(10, 5);
        using var value = new R1Penalty(gamma: 4).Compute(critic, real, fake);

        var grad = NumericInputGradient(critic, real);
        double expected = 4 / 2.0 * ExpectedPenalty(grad, 5, g => g.Sum(v => v * v));
        value.item<double>().Should().BeApproximately(expected, 1e-7);
    }

    [Fact]
    public void R1_backpropagates_into_the_critic_as_finite_differences_predict()
    {
        var critic = TinyCritic(11);
        using var real = Images(12, 3);
        using var fake = Images(13, 3);
        var penalty = new R1Penalty();
        var weight = critic.parameters().First();

        critic.zero_grad();
        using (var p = penalty.Compute(critic, real, fake))
        {
            p.backward();
        }

        double analytic = weight.grad![1, 2].item<double>();
        double PenaltyAt()
        {
            using var p = penalty.Compute(critic, real, fake);
            return p.item<double>();
        }

        double original = weight[1, 2].item<double>();
        SetWeight(weight, 1, 2, original + Step);
        double up = PenaltyAt();
        SetWeight(weight, 1, 2, original - Step);
        double down = PenaltyAt();
        SetWeight(weight, 1, 2, original);
        double numeric = (up - down) / (2 * Step);

        analytic.Should().BeApproximately(numeric, 1e-5);
    }

    [Fact]
    public void Gradient_penalty_cuts_the_larger_batch_to_the_smaller()
    {
        var critic = TinyCritic(14);
        using var real = Images(15, 2);
        using var fake = Images(16, 5);
        using var value = new GradientPenalty().Compute(critic, real, fake);
        double.IsFinite(value.item<double>()).Should().BeTrue();
    }

    [Fact]
    public void Penalty_under_no_grad_throws_instead_of_aborting()
    {
        var critic = TinyCritic(17);
        using var real = Images(18, 2);
        using var noGrad = torch.no_grad();
        FluentActions.Invoking(() => new R1Penalty().Compute(critic, real, real))
            .Should().Throw<InvalidOperationException>().WithMessage("*grad mode is off*");
    }

    [Fact]
    public void Critic_that_ignores_its_input_throws_instead_of_aborting()
    {
        var critic = new DetachingCritic();
        using var real = Images(19, 2);
        FluentActions.Invoking(() => new GradientPenalty().Compute(critic, real, real))
            .Should().Throw<InvalidOperationException>().WithMessage("*does not depend on its input*");
    }

    [Fact]
    public void Critic_without_any_gradient_throws_instead_of_aborting()
    {
        var critic = new ConstantCritic();
        using var real = Images(20, 2);
        FluentActions.Invoking(() => new R1Penalty().Compute(critic, real, real))
            .Should().Throw<InvalidOperationException>().WithMessage("*does not depend on anything*");
    }

    [Fact]
    public void Mismatched_image_shapes_are_rejected()
    {
        var critic = TinyCritic(21);
        using var real = torch.zeros(2, 1, 2, 3, dtype: ScalarType.Float64);
        using var fake = torch.zeros(2, 1, 3, 2, dtype: ScalarType.Float64);
        FluentActions.Invoking(() => new GradientPenalty().Compute(critic, real, fake))
            .Should().Throw<ArgumentException>().WithMessage("*[2, 1, 2, 3]*[2, 1, 3, 2]*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Weights_must_be_positive_and_finite(double weight)
    {
        FluentActions.Invoking(() => new GradientPenalty(weight)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lambda");
        FluentActions.Invoking(() => new R1Penalty(weight)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("gamma");
    }

    [Fact]
    public void Defaults_are_ten()
    {
        GradientPenalty.DefaultLambda.Should().Be(10);
        R1Penalty.DefaultGamma.Should().Be(10);
        new GradientPenalty().Lambda.Should().Be(10);
        new R1Penalty().Gamma.Should().Be(10);
    }

    private sealed class DetachingCritic : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _linear;

        public DetachingCritic() : base(nameof(DetachingCritic))
        {
            _linear = nn.Linear(6, 1);
            _linear.to(ScalarType.Float64);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => _linear.call(input.detach().reshape(input.shape[0], -1));
    }

    private sealed class ConstantCritic : nn.Module<Tensor, Tensor>
    {
        public ConstantCritic() : base(nameof(ConstantCritic))
        {
        }

        public override Tensor forward(Tensor input) => torch.zeros(input.shape[0], 1, dtype: input.dtype);
    }
}
