using GanKit.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Regularization;

/// <summary>
/// The WGAN-GP gradient penalty: <c>lambda * mean((||grad D(x_hat)||_2 - 1)^2)</c> at random points
/// <c>x_hat</c> on the lines between real and generated images.
/// </summary>
/// <remarks>
/// The interpolation weights come from the global torch random stream, so a seeded run repeats
/// exactly. When the two batches differ in size (the last, smaller batch of an epoch) the larger is
/// cut to the smaller.
/// </remarks>
public sealed class GradientPenalty : IDiscriminatorPenalty
{
    /// <summary>The default penalty weight, 10, from the WGAN-GP paper.</summary>
    public const double DefaultLambda = 10.0;

    /// <summary>Creates the penalty.</summary>
    /// <param name="lambda">Penalty weight; must be positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is not positive and finite.</exception>
    public GradientPenalty(double lambda = DefaultLambda)
    {
        if (!(lambda > 0) || !double.IsFinite(lambda))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"The gradient penalty's lambda must be positive and finite; got {lambda}.");
        }

        Lambda = lambda;
    }

    /// <summary>Gets the penalty weight.</summary>
    /// <value>The default value is <see cref="DefaultLambda"/> (10).</value>
    public double Lambda { get; }

    /// <inheritdoc />
    public string Name => "gradient-penalty";

    /// <inheritdoc />
    public Tensor Compute(nn.Module<Tensor, Tensor> discriminator, Tensor real, Tensor fake)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        PenaltyShapes.EnsureSameImageShape(real, fake, Name);

        long n = Math.Min(real.shape[0], fake.shape[0]);
        using var scope = torch.NewDisposeScope();
        var realPart = real.narrow(0, 0, n).detach();
        var fakePart = fake.narrow(0, 0, n).detach();
        var alphaShape = new long[real.dim()];
        Array.Fill(alphaShape, 1L);
        alphaShape[0] = n;
        var alpha = torch.rand(alphaShape, dtype: real.dtype, device: real.device);
        var mixed = (alpha * realPart + (1 - alpha) * fakePart).requires_grad_(true);
        var output = discriminator.call(mixed);
        var grad = GuardedAutograd.GradientWithGraph(output, mixed, "GradientPenalty");
        var norm = grad.reshape(n, -1).norm(1, keepdim: false, p: 2);
        var penalty = (norm - 1.0).square().mean() * Lambda;
        return penalty.MoveToOuterDisposeScope();
    }
}
