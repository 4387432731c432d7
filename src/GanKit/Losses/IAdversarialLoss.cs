using static TorchSharp.torch;

namespace GanKit.Losses;

/// <summary>
/// An adversarial objective: the discriminator's and the generator's loss, both read off the
/// discriminator's raw logits (no sigmoid applied).
/// </summary>
/// <remarks>
/// Both terms are means over the batch, returned as 0-dimensional tensors that stay on the
/// logits' device so a training step never synchronises with the host to compute them.
/// </remarks>
public interface IAdversarialLoss
{
    /// <summary>Gets a short stable name for logs and checkpoints (for example <c>non-saturating</c>).</summary>
    string Name { get; }

    /// <summary>Computes the discriminator's loss from its logits on real and on generated images.</summary>
    /// <param name="realLogits">Logits on real images, shape <c>[N, 1]</c> or <c>[N]</c>.</param>
    /// <param name="fakeLogits">Logits on generated images, shape <c>[M, 1]</c> or <c>[M]</c>.</param>
    /// <returns>A 0-dimensional tensor to minimise.</returns>
    /// <exception cref="ArgumentNullException">Either tensor is null.</exception>
    Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits);

    /// <summary>Computes the generator's loss from the discriminator's logits on generated images.</summary>
    /// <param name="fakeLogits">Logits on generated images, shape <c>[M, 1]</c> or <c>[M]</c>.</param>
    /// <returns>A 0-dimensional tensor to minimise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fakeLogits"/> is null.</exception>
    Tensor GeneratorLoss(Tensor fakeLogits);

    /// <summary>
    /// Computes the generator's loss from the logits on real and on generated images; what the
    /// training steps call. Losses that compare the two (relativistic ones) implement this; the
    /// default ignores the real logits.
    /// </summary>
    /// <param name="realLogits">Logits on real images (no gradient reaches the generator through them).</param>
    /// <param name="fakeLogits">Logits on generated images, carrying gradient to the generator.</param>
    /// <returns>A 0-dimensional tensor to minimise.</returns>
    /// <exception cref="ArgumentNullException">A tensor the loss reads is null.</exception>
    Tensor GeneratorLoss(Tensor realLogits, Tensor fakeLogits) => GeneratorLoss(fakeLogits);

    /// <summary>
    /// Gets whether <see cref="GeneratorLoss(Tensor, Tensor)"/> reads the real logits, so a step that
    /// updates the discriminator first computes them again with its new weights. The default is false.
    /// </summary>
    bool GeneratorUsesRealLogits => false;

    /// <summary>
    /// Turns a batch of logits into the figure reported as D(x) or D(G(z)): by default the mean
    /// sigmoid, the probability the discriminator gives "real". Losses whose outputs are scores
    /// rather than log-odds (Wasserstein, hinge, least squares) report the raw mean instead.
    /// </summary>
    /// <param name="logits">The discriminator's outputs on one batch.</param>
    /// <returns>A 0-dimensional tensor without gradient.</returns>
    Tensor Score(Tensor logits) => logits.detach().sigmoid().mean();
}
