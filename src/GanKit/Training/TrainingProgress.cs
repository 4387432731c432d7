namespace GanKit.Training;

/// <summary>
/// A progress report of <see cref="O:GanKit.Training.AdversarialTrainer.Fit"/>, sent every
/// <see cref="AdversarialTrainerOptions.LogEvery"/> steps and at each epoch's end.
/// </summary>
/// <param name="Epoch">The current epoch, counted from 1.</param>
/// <param name="Epochs">The epoch the run ends after.</param>
/// <param name="Step">Training steps (batches) since the run began.</param>
/// <param name="BatchInEpoch">Batches done in the current epoch.</param>
/// <param name="BatchesPerEpoch">Batches in each epoch.</param>
/// <param name="DiscriminatorLoss">Mean discriminator loss since the previous report.</param>
/// <param name="GeneratorLoss">Mean generator loss since the previous report (NaN when no generator step was taken).</param>
/// <param name="RealScore">Mean <c>sigmoid(D(x))</c> since the previous report.</param>
/// <param name="FakeScore">Mean <c>sigmoid(D(G(z)))</c> since the previous report.</param>
/// <param name="ImagesPerSecond">Real images per second since the previous report.</param>
/// <param name="IsEpochEnd">True for the report sent when an epoch completes.</param>
public sealed record TrainingProgress(
    int Epoch,
    int Epochs,
    long Step,
    long BatchInEpoch,
    long BatchesPerEpoch,
    double DiscriminatorLoss,
    double GeneratorLoss,
    double RealScore,
    double FakeScore,
    double ImagesPerSecond,
    bool IsEpochEnd);
