namespace GanKit.Training;

/// <summary>
/// A checkpoint that passes its manifest but cannot be loaded into this trainer: weights of another
/// architecture, or a random-number state of the wrong size or type. <see cref="AdversarialTrainer.Fit"/>
/// falls back to the next older checkpoint and throws this only when none loads.
/// </summary>
public sealed class CheckpointLoadException : IOException
{
    /// <summary>Creates the exception for <paramref name="file"/>.</summary>
    /// <param name="file">The checkpoint file that did not load.</param>
    /// <param name="reason">Why, in words.</param>
    /// <param name="inner">The loader's own error, if any.</param>
    public CheckpointLoadException(string file, string reason, Exception? inner = null)
        : base($"'{file}' cannot be loaded: {reason}", inner)
    {
        FilePath = file;
        Reason = reason;
    }

    /// <summary>Gets why the file did not load.</summary>
    public string Reason { get; }

    /// <summary>Gets the checkpoint file that did not load.</summary>
    public string FilePath { get; }
}
