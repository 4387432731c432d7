using static TorchSharp.torch;

namespace GanKit.Regularization;

/// <summary>
/// A regulariser added to the discriminator's loss that looks at the discriminator's gradients
/// with respect to its input (for example <see cref="GradientPenalty"/> or <see cref="R1Penalty"/>).
/// </summary>
public interface IDiscriminatorPenalty
{
    /// <summary>Gets a short stable name for logs and checkpoints.</summary>
    string Name { get; }

    /// <summary>Computes the penalty, a 0-dimensional tensor that back-propagates into the discriminator.</summary>
    /// <param name="discriminator">The discriminator (any module mapping images to logits).</param>
    /// <param name="real">A batch of real images.</param>
    /// <param name="fake">A batch of generated images; detached here, so it never trains the generator.</param>
    /// <returns>The penalty, already scaled by its weight.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The batches' image shapes differ.</exception>
    /// <exception cref="InvalidOperationException">Grad mode is off or the discriminator's output does not depend on its input.</exception>
    Tensor Compute(nn.Module<Tensor, Tensor> discriminator, Tensor real, Tensor fake);
}
