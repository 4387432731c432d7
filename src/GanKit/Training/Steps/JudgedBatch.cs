using static TorchSharp.torch;

namespace GanKit.Training.Steps;

/// <summary>
/// A batch the discriminator has judged: the images, the labels they came with (real) or were
/// generated for (fake), and the discriminator's outputs. The context's loss methods read all four.
/// </summary>
/// <param name="Images">The images.</param>
/// <param name="Labels">Their labels, int64 <c>[N]</c>; null in an unconditional run.</param>
/// <param name="Logits">The adversarial logits, <c>[N, 1]</c>.</param>
/// <param name="ClassLogits">The auxiliary classifier's logits, <c>[N, K]</c>; null without one.</param>
public sealed record JudgedBatch(Tensor Images, Tensor? Labels, Tensor Logits, Tensor? ClassLogits);
