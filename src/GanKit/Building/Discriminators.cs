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

    /// <summary>
    /// Wraps a class-conditional TorchSharp module of your own as a conditional discriminator: the
    /// module maps samples <c>[N, ..inputShape]</c> and int64 labels <c>[N]</c> to one logit each,
    /// <c>[N, 1]</c>, in <see cref="ConditionalModule.forward(Tensor, Tensor)"/>. One forward pass
    /// in evaluation mode (class 0 for every sample) checks the shapes.
    /// </summary>
    /// <param name="module">The module; the network owns it from here on.</param>
    /// <param name="classCount">The number of classes it reads; at least 2.</param>
    /// <param name="inputShape">The per-sample input shape, channels first.</param>
    /// <returns>A conditional discriminator (<c>ClassCount</c> = <paramref name="classCount"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> or <paramref name="inputShape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    /// <exception cref="ArgumentException">A size is not positive, or the module fails on the probe or does not return <c>[N, 1]</c>.</exception>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static DiscriminatorNetwork FromModule(ConditionalModule module, int classCount, params long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(module);
        long[] output = [1];
        var layer = new WrappedConditionalModuleLayer(module, classCount, inputShape ?? throw new ArgumentNullException(nameof(inputShape)), output);
        WrappedShapes.RequirePositive(inputShape, nameof(inputShape));
        TorchRuntime.EnsureAvailable();
        ModuleShapeProbe.Check(module, inputShape, output, "discriminator", nameof(module), WrappedConditionalModuleLayer.ProbeWithClassZero(module));
        return new DiscriminatorNetwork([(layer, (long[])inputShape.Clone(), output)], null);
    }
}
