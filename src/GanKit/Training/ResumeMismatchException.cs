namespace GanKit.Training;

/// <summary>
/// Thrown by <c>AdversarialTrainer.Fit</c> when <see cref="AdversarialTrainerOptions.Resume"/>
/// would continue a checkpoint with options that cannot change mid-run (the seed, batch size, losses,
/// learning rates and moments, update scheme, ...): the restored optimiser and loop state would
/// quietly keep the old values while the new ones were recorded. Nothing was loaded or written.
/// </summary>
public sealed class ResumeMismatchException : GanKitException
{
    /// <summary>Creates the exception for <paramref name="checkpoint"/> and every differing option.</summary>
    /// <param name="checkpoint">The checkpoint folder that was to be resumed.</param>
    /// <param name="differences">Each option whose requested value differs from the checkpoint's; at least one.</param>
    public ResumeMismatchException(string checkpoint, IReadOnlyList<ResumeOptionDifference> differences)
        : base(
            $"Cannot resume '{checkpoint}' with other settings than it was trained with: "
            + string.Join("; ", differences.Select(d => $"{d.Option} was {d.Stored}, now {d.Requested}"))
            + ". Resume with the original values, or start a new run in another folder.")
    {
        Checkpoint = checkpoint;
        Differences = differences;
    }

    /// <summary>Creates the exception with the default message.</summary>
    public ResumeMismatchException()
        : base("Cannot resume a checkpoint with other settings than it was trained with.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Describes the failure.</param>
    public ResumeMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Describes the failure.</param>
    /// <param name="innerException">The cause.</param>
    public ResumeMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the checkpoint folder that was to be resumed, or null when the exception was made from a message alone.</summary>
    public string? Checkpoint { get; }

    /// <summary>Gets each option whose requested value differs from the checkpoint's.</summary>
    public IReadOnlyList<ResumeOptionDifference> Differences { get; } = [];
}
