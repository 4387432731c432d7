using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// The module of an <see cref="IConditionalLayer"/>: maps a batch and its labels to an output. A
/// conditional network calls <see cref="forward(Tensor, Tensor)"/>; the one-argument
/// <see cref="forward(Tensor)"/> has no labels to give and throws.
/// </summary>
public abstract class ConditionalModule : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module.</summary>
    /// <param name="name">The module's name, as TorchSharp records it.</param>
    protected ConditionalModule(string name) : base(name)
    {
    }

    /// <summary>Maps <paramref name="input"/> <c>[N, ..]</c> and <paramref name="labels"/> to the output.</summary>
    /// <param name="input">The batch, on the module's device.</param>
    /// <param name="labels">One int64 class label per sample, <c>[N]</c>, on the same device; the network has checked the shape.</param>
    /// <returns>The output <c>[N, ..]</c>.</returns>
    public abstract Tensor forward(Tensor input, Tensor labels);

    /// <summary>Always throws: this module needs labels.</summary>
    /// <param name="input">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always; the message says to pass labels.</exception>
    public sealed override Tensor forward(Tensor input) =>
        throw new InvalidOperationException($"{GetType().Name} reads class labels; call forward(input, labels).");
}
