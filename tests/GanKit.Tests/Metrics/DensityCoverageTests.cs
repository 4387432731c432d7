using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Metrics;

public sealed class DensityCoverageTests
{
    private static Tensor Column(params double[] values) => torch.tensor(values, dtype: ScalarType.Float64).unsqueeze(1);

    [Fact]
    public void Density_and_coverage_match_the_values_worked_out_by_hand()
    {
        // Real 0, 1, 2, 10 with k = 1: ball radii 1, 1, 1 and 8.
        // Generated 0.5 lies in the balls of 0 and 1; 1.5 in those of 1 and 2; 9 in that of 10; 30 in none.
        // Density = (2 + 2 + 1 + 0) / (1 x 4) = 1.25. Every real ball holds a generated sample: coverage 1.
        using var real = Column(0, 1, 2, 10);
        using var generated = Column(0.5, 1.5, 9, 30);

        var result = DensityCoverage.Compute(real, generated, k: 1);

        result.Density.Should().Be(1.25);
        result.Coverage.Should().Be(1.0);
        result.K.Should().Be(1);
        result.RealCount.Should().Be(4);
        result.GeneratedCount.Should().Be(4);
    }

    [Fact]
    public void A_collapsed_set_is_dense_but_covers_little()
    {
        // All four at 0: each lies in the balls of 0 and 1 (radius 1), so density = 8 / 4 = 2 and
        // coverage = 2 of 4 real balls = 0.5.
        using var real = Column(0, 1, 2, 10);
        using var generated = Column(0, 0, 0, 0);

        var result = DensityCoverage.Compute(real, generated, k: 1);

        result.Density.Should().Be(2.0);
        result.Coverage.Should().Be(0.5);
    }

    [Fact]
    public void A_real_outlier_makes_noise_look_precise_but_not_dense()
    {
        // With k = 2 the real outlier at 100 has a ball of radius 99.7 (to 0.3) that reaches every
        // noise point, so k-NN precision reads 1. Density counts that one ball per point against
        // the k = 2 a real-like point would have: 5 / (2 x 5) = 0.5. Coverage: 1 ball of 6.
        using var real = Column(0, 0.1, 0.2, 0.3, 0.4, 100);
        using var noise = Column(40, 45, 50, 55, 60);

        var precision = PrecisionRecall.Compute(real, noise, k: 2).Precision;
        var result = DensityCoverage.Compute(real, noise, k: 2);

        precision.Should().Be(1.0);
        result.Density.Should().Be(0.5, "each noise point sits in the outlier's ball alone");
        result.Coverage.Should().BeApproximately(1.0 / 6, 1e-12);
    }

    [Fact]
    public void Mismatched_widths_and_a_bad_k_are_rejected_with_the_reason()
    {
        using var real = torch.zeros(6, 3);
        using var generated = torch.zeros(4, 2);
        FluentActions.Invoking(() => DensityCoverage.Compute(real, generated, 1)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => DensityCoverage.Compute(real, real, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
