using GanKit.Internal;
using GanKit.Layers;
using GanKit.Networks;
using GanKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit;

/// <summary>Makes a <see cref="GeneratorNetwork"/> from a TorchSharp module of your own.</summary>
/// <example>
/// <code>
/// var generator = Generators.FromModule(
///     nn.Sequential(nn.Linear(100, 784), nn.Tanh(), nn.Unflatten(1, [1, 28, 28])),
///     latentDim: 100, 1, 28, 28);
/// </code>
/// </example>
public static class Generators
{
    /// <summary>
    /// Wraps <paramref name="module"/> so the trainer, the evaluators and saving
    /// take it exactly like a builder's network. The network owns the module from now on.
    /// </summary>
    /// <param name="module">Maps <c>[N, latentDim]</c> to <c>[N, ..outputShape]</c>.</param>
    /// <param name="latentDim">The latent size; positive.</param>
    /// <param name="outputShape">The per-sample output shape, channels first; positive sizes.</param>
    /// <returns>The network; its parameters are named <c>layers.0.</c> followed by the module's own names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> or <paramref name="outputShape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latentDim"/> is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="outputShape"/> is empty or not positive, or one forward pass of two zero latent vectors
    /// (in evaluation mode, without gradient) fails or gives another shape; the message names both shapes.
    /// </exception>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static GeneratorNetwork FromModule(nn.Module<Tensor, Tensor> module, long latentDim, params long[] outputShape)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentDim);
        WrappedShapes.RequirePositive(outputShape, nameof(outputShape));
        TorchRuntime.EnsureAvailable();
        long[] input = [latentDim];
        ModuleShapeProbe.Check(module, input, outputShape, "generator", nameof(module));
        return new GeneratorNetwork([(new WrappedModuleLayer(module, input, outputShape), input, (long[])outputShape.Clone())], null);
    }

    /// <summary>
    /// Wraps a class-conditional TorchSharp module of your own as a conditional generator: the
    /// module maps latent vectors <c>[N, latentDim]</c> and int64 labels <c>[N]</c> to samples
    /// <c>[N, ..outputShape]</c> in <see cref="ConditionalModule.forward(Tensor, Tensor)"/>. One
    /// forward pass in evaluation mode (class 0 for every sample) checks the shapes.
    /// </summary>
    /// <param name="module">The module; the network owns it from here on.</param>
    /// <param name="latentDim">The latent size; positive.</param>
    /// <param name="classCount">The number of classes it is conditioned on; at least 2.</param>
    /// <param name="outputShape">The per-sample output shape, channels first.</param>
    /// <returns>A conditional generator (<c>ClassCount</c> = <paramref name="classCount"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> or <paramref name="outputShape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latentDim"/> is not positive or <paramref name="classCount"/> is below 2.</exception>
    /// <exception cref="ArgumentException">A size is not positive, or the module fails on the probe or returns another shape; the message names both shapes.</exception>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static GeneratorNetwork FromModule(ConditionalModule module, long latentDim, int classCount, params long[] outputShape)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentDim);
        var layer = new WrappedConditionalModuleLayer(module, classCount, [latentDim], outputShape ?? throw new ArgumentNullException(nameof(outputShape)));
        WrappedShapes.RequirePositive(outputShape, nameof(outputShape));
        TorchRuntime.EnsureAvailable();
        long[] input = [latentDim];
        ModuleShapeProbe.Check(module, input, outputShape, "generator", nameof(module), WrappedConditionalModuleLayer.ProbeWithClassZero(module));
        return new GeneratorNetwork([(layer, input, (long[])outputShape.Clone())], null);
    }
}
