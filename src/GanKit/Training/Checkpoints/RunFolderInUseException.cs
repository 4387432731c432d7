namespace GanKit.Training.Checkpoints;

/// <summary>Another live process holds the run folder (see <see cref="RunFolderLock"/>).</summary>
public sealed class RunFolderInUseException : IOException
{
    /// <summary>Creates the exception for <paramref name="folder"/>, held by <paramref name="owner"/>.</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="owner">The holder, or null when it recorded nothing readable.</param>
    /// <param name="inner">The operating system's refusal, if any.</param>
    public RunFolderInUseException(string folder, RunFolderOwner? owner, Exception? inner)
        : base(
            $"The run folder '{folder}' is in use by {owner?.ToString() ?? "another process (which recorded no owner)"}; "
            + "two writers would mix their checkpoints. Wait for it to finish, stop it, or choose another output folder.",
            inner)
    {
        Folder = folder;
        Owner = owner;
    }

    /// <summary>Gets the run folder.</summary>
    public string Folder { get; }

    /// <summary>Gets the holder, or null when it recorded nothing readable.</summary>
    public RunFolderOwner? Owner { get; }
}
