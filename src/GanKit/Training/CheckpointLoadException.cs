namespace GanKit.Training;

/// <summary>
/// A checkpoint that passes its manifest but cannot be loaded into this trainer: weights of another
/// architecture, or a random-number state of the wrong size or type. <c>AdversarialTrainer.Fit</c>
/// falls back to the next older checkpoint and throws this only when none loads.
/// </summary>
public sealed class CheckpointLoadException : GanKitException
{
    /// <summary>Creates the exception for <paramref name="file"/>.</summary>
    /// <param name="file">The checkpoint file that did not load.</param>
    /// <param name="reason">Why, in words.</param>
    /// <param name="inner">The loader's own error, if any.</param>
    public CheckpointLoadException(string file, string reason, Exception? inner = null)
        : base($"'{file}' cannot be loaded: {reason}", inner ?? new InvalidDataException(reason))
    {
        FilePath = file;
        Reason = reason;
    }

    /// <summary>Creates the exception with the default message.</summary>
    public CheckpointLoadException()
        : base("A checkpoint file cannot be loaded.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Describes the failure.</param>
    public CheckpointLoadException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Describes the failure.</param>
    /// <param name="innerException">The cause.</param>
    public CheckpointLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Gets the checkpoint file that did not load, or null when the exception was made from a message alone.</summary>
    public string? FilePath { get; }

    /// <summary>Gets why the file did not load.</summary>
    public string Reason { get; } = string.Empty;
}
