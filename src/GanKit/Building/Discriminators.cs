using GanKit.Internal;
using GanKit.Layers;
using GanKit.Networks;
using GanKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit;

/// <summary>Makes a <see cref="DiscriminatorNetwork"/> from a TorchSharp module of your own.</summary>
/// <example>
/// <code>
/// var discriminator = Discriminators.FromModule(
///     nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.LeakyReLU(0.2), nn.Linear(128, 1)),
///     1, 28, 28);
/// </code>
/// </example>
public static class Discriminators
{
    /// <summary>
    /// Wraps <paramref name="module"/> so the trainer takes it exactly like a builder's network.
    /// The network owns the module from now on.
    /// </summary>
    /// <param name="module">Maps <c>[N, ..inputShape]</c> to one logit per sample, <c>[N, 1]</c> (no sigmoid).</param>
    /// <param name="inputShape">The per-sample input shape, channels first; positive sizes.</param>
    /// <returns>The network; its parameters are named <c>layers.0.</c> followed by the module's own names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> or <paramref name="inputShape"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="inputShape"/> is empty or not positive, or one forward pass of two zero samples (in
    /// evaluation mode, without gradient) fails or does not give <c>[2, 1]</c>; the message names both shapes.
    /// </exception>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static DiscriminatorNetwork FromModule(nn.Module<Tensor, Tensor> module, params long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(module);
        WrappedShapes.RequirePositive(inputShape, nameof(inputShape));
        TorchRuntime.EnsureAvailable();
        long[] output = [1];
        ModuleShapeProbe.Check(module, inputShape, output, "discriminator", nameof(module));
        return new DiscriminatorNetwork([(new WrappedModuleLayer(module, inputShape, output), (long[])inputShape.Clone(), output)], null);
    }
}
