using GanKit.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Regularization;

/// <summary>
/// The R1 penalty: <c>gamma / 2 * mean(||grad D(x)||^2)</c> on real images only, which keeps the
/// discriminator flat on the data and stabilises training without a Lipschitz constraint.
/// </summary>
public sealed class R1Penalty : IDiscriminatorPenalty
{
    /// <summary>The default weight gamma, 10.</summary>
    public const double DefaultGamma = 10.0;

    /// <summary>Creates the penalty.</summary>
    /// <param name="gamma">Penalty weight; must be positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is not positive and finite.</exception>
    public R1Penalty(double gamma = DefaultGamma)
    {
        if (!(gamma > 0) || !double.IsFinite(gamma))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"The R1 penalty's gamma must be positive and finite; got {gamma}.");
        }

        Gamma = gamma;
    }

    /// <summary>Gets the penalty weight.</summary>
    /// <value>The default value is <see cref="DefaultGamma"/> (10).</value>
    public double Gamma { get; }

    /// <inheritdoc />
    public string Name => "r1";

    /// <inheritdoc />
    public Tensor Compute(nn.Module<Tensor, Tensor> discriminator, Tensor real, Tensor fake)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        PenaltyShapes.EnsureSameImageShape(real, fake, Name);

        using var scope = torch.NewDisposeScope();
        var input = real.detach().clone().requires_grad_(true);
        var output = discriminator.call(input);
        var grad = GuardedAutograd.GradientWithGraph(output, input, "R1Penalty");
        var squaredNorm = grad.square().reshape(input.shape[0], -1).sum(1);
        var penalty = squaredNorm.mean() * (Gamma / 2.0);
        return penalty.MoveToOuterDisposeScope();
    }
}
