namespace GanKit.Training.Callbacks;

/// <summary>What <see cref="ITrainingCallback.OnRunEnd"/> receives.</summary>
/// <param name="History">The epochs completed, including those before a resume.</param>
/// <param name="Cancelled">True when the run stopped for cancellation rather than after its last epoch.</param>
public sealed record RunEnd(TrainingHistory History, bool Cancelled);
