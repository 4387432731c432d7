namespace GanKit.Mnist.Evaluation;

/// <summary>One row of the conditional per-digit table over several seeds.</summary>
/// <param name="Digit">The digit the images were asked for.</param>
/// <param name="ClassAccuracy">Mean and spread of <see cref="MnistConditionalDigitQuality.ClassAccuracy"/> over the seeds.</param>
/// <param name="Fid">Mean and spread of <see cref="MnistConditionalDigitQuality.Fid"/> over the seeds.</param>
public sealed record MnistConditionalDigitSummary(int Digit, MnistSeedStatistics ClassAccuracy, MnistSeedStatistics Fid);
