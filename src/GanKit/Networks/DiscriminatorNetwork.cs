using System.Globalization;
using GanKit.Layers;
using static TorchSharp.torch;

namespace GanKit.Networks;

/// <summary>
/// A discriminator built by <see cref="DiscriminatorBuilder"/> or wrapped around a module of your own
/// by <c>Discriminators.FromModule</c>: maps samples <c>[N, ..InputShape]</c> to one logit
/// each, <c>[N, 1]</c> (no sigmoid: losses take logits for numerical stability). The one
/// discriminator type the trainer takes; a TorchSharp module usable anywhere one is expected.
/// </summary>
/// <remarks>
/// A discriminator with a label-reading layer (<see cref="LayerStackNetwork.ClassCount"/> set)
/// takes labels too, through <c>forward(images, labels)</c>. One that ends with an
/// <see cref="AuxiliaryClassifierLayer"/> also predicts each sample's class: <c>forward</c> still
/// returns the adversarial logits <c>[N, 1]</c>, and <see cref="Evaluate"/> returns both from one pass.
/// </remarks>
public sealed partial class DiscriminatorNetwork : LayerStackNetwork
{
    internal DiscriminatorNetwork(IReadOnlyList<(ILayer Layer, long[] Input, long[] Output)> stack, TorchSharp.torch.Generator? random) : base(nameof(DiscriminatorNetwork), stack, random)
    {
        AuxiliaryClassCount = stack[^1].Layer is AuxiliaryClassifierLayer head ? head.ClassCount : 0;
    }

    /// <summary>Gets the per-sample input shape, channels first (for MNIST <c>[1, 28, 28]</c>).</summary>
    public long[] InputShape => InputShapeOf();

    /// <summary>Gets the number of classes the auxiliary classifier head predicts; 0 without one.</summary>
    public int AuxiliaryClassCount { get; }

    /// <summary>
    /// Runs the discriminator once and returns its adversarial logits and, with an auxiliary
    /// classifier head, its class logits.
    /// </summary>
    /// <param name="images">Samples <c>[N, ..InputShape]</c> on the network's device.</param>
    /// <param name="labels">int64 labels <c>[N]</c> when the network is conditional (<see cref="LayerStackNetwork.ClassCount"/> is set); otherwise null.</param>
    /// <returns>Logits <c>[N, 1]</c>, and class logits <c>[N, AuxiliaryClassCount]</c> or null.</returns>
    /// <exception cref="ArgumentException">A tensor has the wrong shape or type.</exception>
    /// <exception cref="InvalidOperationException">Labels are missing for a conditional network, or given to an unconditional one.</exception>
    public DiscriminatorOutput Evaluate(Tensor images, Tensor? labels = null)
    {
        var output = RunChecked(images, labels);
        if (AuxiliaryClassCount == 0)
        {
            return new DiscriminatorOutput(output, null);
        }

        return new DiscriminatorOutput(output.narrow(1, 0, 1), output.narrow(1, 1, AuxiliaryClassCount));
    }

    /// <inheritdoc />
    private protected override Tensor Forward(Tensor input, Tensor? labels)
    {
        var output = RunStack(input, labels);
        return AuxiliaryClassCount == 0 ? output : output.narrow(1, 0, 1);
    }

    /// <inheritdoc />
    private protected override IEnumerable<string> SummaryNotes()
    {
        foreach (var note in base.SummaryNotes())
        {
            yield return note;
        }

        if (AuxiliaryClassCount > 0)
        {
            yield return $"Auxiliary classifier: {AuxiliaryClassCount.ToString(CultureInfo.InvariantCulture)} class logits after the adversarial logit, in layers.{(Definitions.Count - 1).ToString(CultureInfo.InvariantCulture)} ({Definitions[^1].Kind})";
        }
    }
}
