using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Internal;

/// <summary>
/// A checked front for <c>torch.autograd.grad</c> when the gradient itself must be differentiated.
/// </summary>
/// <remarks>
/// TorchSharp's native <c>autograd.grad</c> does not translate libtorch errors into exceptions: a
/// call libtorch rejects (an output that does not require grad, an input the graph never used,
/// a graph already freed) terminates the process. Every precondition libtorch would check is
/// checked here first, so misuse surfaces as an <see cref="InvalidOperationException"/>.
/// </remarks>
internal static class GuardedAutograd
{
    /// <summary>
    /// Returns <c>d(sum(output)) / d(input)</c> with its own graph kept, so a penalty built from it
    /// can be back-propagated into the network's parameters.
    /// </summary>
    /// <param name="output">A tensor computed from <paramref name="input"/> with grad mode on.</param>
    /// <param name="input">A tensor that requires grad.</param>
    /// <param name="what">Names the caller in error messages.</param>
    public static Tensor GradientWithGraph(Tensor output, Tensor input, string what)
    {
        if (!torch.is_grad_enabled())
        {
            throw new InvalidOperationException($"{what} needs gradients, but grad mode is off (the call runs under torch.no_grad()).");
        }

        if (!input.requires_grad)
        {
            throw new InvalidOperationException($"{what}: the input of shape [{string.Join(", ", input.shape)}] does not require grad.");
        }

        if (!output.requires_grad)
        {
            throw new InvalidOperationException($"{what}: the discriminator's output does not depend on anything that requires grad, so there is no gradient to penalise.");
        }

        using var scalar = output.numel() == 1 ? output.reshape(Array.Empty<long>()) : output.sum();

        // allow_unused turns libtorch's fatal "input not used in the graph" into an undefined
        // result that is detected below; retain_graph must accompany create_graph or the native
        // call frees the forward graph the penalty still needs.
        var grads = torch.autograd.grad(new[] { scalar }, new[] { input }, retain_graph: true, create_graph: true, allow_unused: true);
        var grad = grads[0];
        if (grad.IsInvalid)
        {
            throw new InvalidOperationException($"{what}: the discriminator's output does not depend on its input (was the input detached inside the network?).");
        }

        return grad;
    }
}
