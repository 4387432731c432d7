namespace GanKit.Checkpoints;

/// <summary>A checkpoint folder whose manifest and file hashes have been verified.</summary>
/// <param name="Directory">The checkpoint's folder.</param>
/// <param name="Manifest">Its manifest.</param>
public sealed record CheckpointInfo(string Directory, CheckpointManifest Manifest)
{
    /// <summary>Gets the completed epochs the checkpoint holds.</summary>
    public int Epoch => Manifest.Epoch;

    /// <summary>Gets the training steps (batches trained, one discriminator update each) the checkpoint holds.</summary>
    public long Step => Manifest.Step;

    /// <summary>Gets the full path of one of the checkpoint's files.</summary>
    /// <param name="fileName">A file name listed in the manifest.</param>
    /// <returns>The path.</returns>
    /// <exception cref="FileNotFoundException">The manifest does not list <paramref name="fileName"/>.</exception>
    public string PathOf(string fileName)
    {
        if (!Manifest.Files.ContainsKey(fileName))
        {
            throw new FileNotFoundException($"Checkpoint '{Directory}' holds no file '{fileName}'.", Path.Combine(Directory, fileName));
        }

        return Path.Combine(Directory, fileName);
    }
}
