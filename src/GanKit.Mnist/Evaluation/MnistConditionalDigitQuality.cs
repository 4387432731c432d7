namespace GanKit.Mnist.Evaluation;

/// <summary>One row of the conditional per-digit table: how the images a generator was asked to draw as one digit look.</summary>
/// <param name="Digit">The digit the images were asked for.</param>
/// <param name="Count">Generated images asked for this digit.</param>
/// <param name="ClassAccuracy">Share of those images the shipped classifier reads as this digit ("of the 3s it was asked for, how many read as 3").</param>
/// <param name="MeanConfidence">Mean classifier probability of this digit over those images.</param>
/// <param name="Fid">Fréchet distance between those images and the test images labelled with this digit (lower is better).</param>
/// <param name="ReferenceCount">Test images labelled with this digit.</param>
public sealed record MnistConditionalDigitQuality(int Digit, long Count, double ClassAccuracy, double MeanConfidence, double Fid, long ReferenceCount);
