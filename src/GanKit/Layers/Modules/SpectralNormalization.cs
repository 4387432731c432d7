using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>
/// Spectral normalisation (Miyato et al., 2018), which TorchSharp lacks: the kernel is divided by
/// an estimate of its largest singular value, refined by one power iteration per training-mode
/// forward pass.
/// </summary>
/// <remarks>
/// The kernel is viewed as a matrix with one row per output unit (the output-unit axis of
/// the weight goes first, as PyTorch's <c>spectral_norm</c> does). The left singular vector
/// estimate <c>u</c> is a persistent buffer of the module, so it is saved with the weights and
/// follows <c>.to(device)</c>; <c>u</c> and <c>v</c> are updated without gradient, and the gradient
/// flows through the kernel in <c>sigma = u^T W v</c> only.
/// </remarks>
internal static class SpectralNormalization
{
    public const double Epsilon = 1e-12;

    /// <summary>Creates the initial <c>u</c>: a random unit vector with one entry per output unit.</summary>
    public static Tensor CreateU(Tensor weight, int outputDim, Generator? random = null)
    {
        using (no_grad())
        {
            using var raw = randn(new[] { weight.shape[outputDim] }, dtype: weight.dtype, device: weight.device, generator: random);
            return nn.functional.normalize(raw, dim: 0, eps: Epsilon);
        }
    }

    /// <summary>Gets the weight as the matrix whose largest singular value is estimated.</summary>
    public static Tensor AsMatrix(Tensor weight, int outputDim) =>
        outputDim == 0 ? weight.reshape(weight.shape[0], -1) : weight.transpose(0, outputDim).reshape(weight.shape[outputDim], -1);

    /// <summary>
    /// Estimates sigma; in training mode first refines <paramref name="u"/> in place by one power
    /// iteration.
    /// </summary>
    public static Tensor Sigma(Tensor weight, Tensor u, int outputDim, bool training)
    {
        var matrix = AsMatrix(weight, outputDim);
        Tensor v;
        using (no_grad())
        {
            using var detached = matrix.detach();
            using var wtU = detached.t().mv(u);
            v = nn.functional.normalize(wtU, dim: 0, eps: Epsilon);
            if (training)
            {
                using var wv = detached.mv(v);
                using var nextU = nn.functional.normalize(wv, dim: 0, eps: Epsilon);
                u.copy_(nextU);
            }
        }

        // sigma must not hold u itself: autograd saves dot's operands, and the next forward pass
        // in the same step (the discriminator sees real, then generated images) updates u in
        // place, which would fail the backward pass. PyTorch's spectral_norm clones u likewise.
        using (v)
        using (var product = matrix.mv(v))
        using (var snapshot = u.clone())
        {
            return snapshot.dot(product);
        }
    }

    /// <summary>Gets the kernel divided by its estimated largest singular value.</summary>
    public static Tensor Normalize(Tensor weight, Tensor u, int outputDim, bool training)
    {
        using var sigma = Sigma(weight, u, outputDim, training);
        return weight.div(sigma);
    }
}
