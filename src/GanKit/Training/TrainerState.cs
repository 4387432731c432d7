namespace GanKit.Training;

/// <summary>The loop position a checkpoint restores (<c>state.json</c>).</summary>
internal sealed record TrainerState(
    int CompletedEpochs,
    long Step,
    long BatchInEpoch,
    double[] EpochSums,
    long EpochGeneratorSteps,
    long EpochImages,
    double EpochSeconds,
    long Seed,
    int BatchSize,
    string Loss,
    string UpdateScheme,
    int DiscriminatorSteps,
    double EmaDecay,
    long GeneratorScheduleSteps = 0,
    long DiscriminatorScheduleSteps = 0);
