using static TorchSharp.torch;

namespace GanKit.Training.Steps;

/// <summary>One batch of real data handed to an <see cref="ITrainingStep"/>.</summary>
/// <param name="Images">The real images, <c>[N, ..ImageShape]</c>, on the training device.</param>
/// <param name="Labels">Their int64 class labels <c>[N]</c>, on the training device, in a conditional run; null otherwise.</param>
/// <param name="Index">The step's number in the run, from 1 (counting steps done before a resume).</param>
public sealed record TrainingBatch(Tensor Images, Tensor? Labels, long Index);
