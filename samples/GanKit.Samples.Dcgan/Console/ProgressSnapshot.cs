namespace GanKit.Samples.Dcgan.ConsoleUi;

/// <summary>Where a run stands after a step, in the terms the progress display shows.</summary>
/// <param name="Epoch">Current epoch, 1-based.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">Steps done in the whole run (across epochs).</param>
/// <param name="TotalSteps">Steps the whole run takes.</param>
/// <param name="DiscriminatorLoss">Discriminator loss of the last step.</param>
/// <param name="GeneratorLoss">Generator loss of the last step.</param>
internal readonly record struct ProgressSnapshot(int Epoch, int Epochs, long Step, long TotalSteps, double DiscriminatorLoss, double GeneratorLoss);
