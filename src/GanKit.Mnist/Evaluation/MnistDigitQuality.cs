namespace GanKit.Mnist.Evaluation;

/// <summary>One row of the per-digit table: how the samples the classifier reads as one digit look.</summary>
/// <param name="Digit">The digit the classifier predicts.</param>
/// <param name="Count">Generated samples predicted as this digit.</param>
/// <param name="Share">Their share of all generated samples.</param>
/// <param name="MeanConfidence">Mean classifier probability of this digit over those samples; null when there are none.</param>
/// <param name="Fid">Fréchet distance between those samples and the test images labelled with this digit; null when fewer than 2 samples were predicted as this digit.</param>
/// <param name="ReferenceCount">Test images labelled with this digit.</param>
public sealed record MnistDigitQuality(int Digit, long Count, double Share, double? MeanConfidence, double? Fid, long ReferenceCount);
