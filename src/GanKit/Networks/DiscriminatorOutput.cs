using static TorchSharp.torch;

namespace GanKit.Networks;

/// <summary>What one pass of a <see cref="DiscriminatorNetwork"/> returns.</summary>
/// <param name="Logits">The adversarial logits, <c>[N, 1]</c>.</param>
/// <param name="ClassLogits">The auxiliary classifier's logits, <c>[N, ClassCount]</c>; null without an <see cref="Layers.AuxiliaryClassifierLayer"/>.</param>
public sealed record DiscriminatorOutput(Tensor Logits, Tensor? ClassLogits);
