namespace GanKit.Checkpoints;

/// <summary>Another live process holds the run folder (see <see cref="RunFolderLock"/>).</summary>
public sealed class RunFolderInUseException : GanKitException
{
    /// <summary>Creates the exception for <paramref name="folder"/>, held by <paramref name="owner"/>.</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="owner">The holder, or null when it recorded nothing readable.</param>
    /// <param name="inner">The operating system's refusal, if any.</param>
    public RunFolderInUseException(string folder, RunFolderOwner? owner, Exception? inner)
        : base(
            $"The run folder '{folder}' is in use by {owner?.ToString() ?? "another process (which recorded no owner)"}; "
            + "two writers would mix their checkpoints. Wait for it to finish, stop it, or choose another output folder.",
            inner ?? new IOException($"'{Path.Combine(folder, RunFolderLock.OwnerFileName)}' names a live owner."))
    {
        Folder = folder;
        Owner = owner;
    }

    /// <summary>Creates the exception with the default message.</summary>
    public RunFolderInUseException()
        : base("The run folder is in use by another process.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Describes the failure.</param>
    public RunFolderInUseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Describes the failure.</param>
    /// <param name="innerException">The cause.</param>
    public RunFolderInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the run folder, or null when the exception was made from a message alone.</summary>
    public string? Folder { get; }

    /// <summary>Gets the holder, or null when it recorded nothing readable.</summary>
    public RunFolderOwner? Owner { get; }
}
