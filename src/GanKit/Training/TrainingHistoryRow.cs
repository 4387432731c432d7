namespace GanKit.Training;

/// <summary>One epoch's summary: mean losses and discriminator scores, time and throughput.</summary>
/// <param name="Epoch">The epoch, counted from 1.</param>
/// <param name="Step">Training steps since the run began, at the end of this epoch: batches trained, each one discriminator update. With <see cref="UpdateScheme.Alternating"/> and <c>DiscriminatorSteps</c> k, the generator is updated on every k-th step only.</param>
/// <param name="DiscriminatorLoss">Mean discriminator loss over the epoch's steps (including penalties and L2 terms).</param>
/// <param name="GeneratorLoss">Mean generator loss over the epoch's steps (including L2 terms).</param>
/// <param name="RealScore">Mean <c>sigmoid(D(x))</c> on real images: the discriminator's belief that real images are real.</param>
/// <param name="FakeScore">Mean <c>sigmoid(D(G(z)))</c> on generated images.</param>
/// <param name="Seconds">Wall-clock seconds the epoch took, samples and checkpoint excluded.</param>
/// <param name="ImagesPerSecond">Real images consumed per second.</param>
/// <param name="GeneratorSteps">Generator updates since the run began, at the end of this epoch: equal to <paramref name="Step"/> with simultaneous updates, every k-th step with alternating ones. 0 in histories written before it was recorded.</param>
public sealed record TrainingHistoryRow(
    int Epoch,
    long Step,
    double DiscriminatorLoss,
    double GeneratorLoss,
    double RealScore,
    double FakeScore,
    double Seconds,
    double ImagesPerSecond,
    long GeneratorSteps = 0);
