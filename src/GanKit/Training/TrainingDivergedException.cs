namespace GanKit.Training;

/// <summary>
/// Thrown by <see cref="O:GanKit.Training.AdversarialTrainer.Fit"/> when a loss becomes NaN or infinite. Training stops
/// before the next checkpoint, so the newest checkpoint on disk still holds finite weights.
/// </summary>
public sealed class TrainingDivergedException : GanKitException
{
    /// <summary>Creates the exception with the default message.</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>Creates the exception for the first non-finite step.</summary>
    /// <param name="epoch">The epoch (from 1) of the step.</param>
    /// <param name="step">The training step (from 1) whose loss was not finite.</param>
    /// <param name="message">Describes the failure.</param>
    public TrainingDivergedException(int epoch, long step, string message)
        : base(message)
    {
        Epoch = epoch;
        Step = step;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">Describes the failure.</param>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Describes the failure.</param>
    /// <param name="innerException">The cause.</param>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the epoch (from 1) of the first non-finite step.</summary>
    public int Epoch { get; }

    /// <summary>Gets the first training step (from 1) whose loss was not finite.</summary>
    public long Step { get; }
}
