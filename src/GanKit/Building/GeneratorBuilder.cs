using GanKit.Layers;
using GanKit.Networks;
using GanKit.Runtime;

namespace GanKit;

/// <summary>
/// Describes a generator layer by layer, from a latent vector <c>[latentDim]</c> to a sample, checking
/// every shape the moment a layer is added. Layers are added with the fluent methods in this
/// namespace (<c>Dense</c>, <c>Reshape</c>, <c>ConvTranspose2d</c>, ...) or <see cref="NetworkBuilder{TBuilder}.Add(ILayer)"/>.
/// </summary>
/// <example>
/// <code>
/// var generator = new GeneratorBuilder(100)
///     .Dense(256 * 7 * 7, bias: false).BatchNorm().LeakyReLU()
///     .Reshape(256, 7, 7)
///     .ConvTranspose2d(64, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
///     .ConvTranspose2d(1, 5, 2, Padding.Same, bias: false).Tanh()
///     .Build();
/// </code>
/// </example>
public sealed class GeneratorBuilder : NetworkBuilder<GeneratorBuilder>
{
    /// <summary>Starts a generator that takes latent vectors of length <paramref name="latentDim"/>.</summary>
    /// <param name="latentDim">The latent size; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latentDim"/> is not positive.</exception>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded; the message names the cause and the fix.</exception>
    public GeneratorBuilder(long latentDim) : base([CheckLatent(latentDim)])
    {
    }

    /// <summary>Builds the generator, with freshly initialised weights. Works once.</summary>
    /// <param name="seed">
    /// Seeds the build's own generator, from which every initial weight is drawn: the same seed
    /// gives bit-identical weights in any process, and torch's global random stream is left as it
    /// was. Null draws from torch's global stream instead.
    /// </param>
    /// <returns>The network.</returns>
    /// <exception cref="InvalidOperationException">No layer was added, or <c>Build()</c> was already called.</exception>
    public GeneratorNetwork Build(long? seed = null)
    {
        var stack = TakeStack("generator");
        using var random = SeededRandom(seed);
        return new(stack, random);
    }

    private static long CheckLatent(long latentDim)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentDim);
        return latentDim;
    }
}
