namespace GanKit.Checkpoints;

/// <summary>
/// The <c>manifest.json</c> of a checkpoint folder: what it holds and the SHA-256 of every file, so
/// a truncated or altered checkpoint is recognised before anything is loaded from it.
/// </summary>
/// <param name="FormatVersion">The layout version; <see cref="CheckpointStore.FormatVersion"/> for this release.</param>
/// <param name="Epoch">Completed epochs when the checkpoint was taken.</param>
/// <param name="Step">Training steps (batches trained, one discriminator update each) when the checkpoint was taken.</param>
/// <param name="CreatedUtc">When the checkpoint was written.</param>
/// <param name="Files">File name (inside the folder) to lower-case hex SHA-256.</param>
public sealed record CheckpointManifest(
    int FormatVersion,
    int Epoch,
    long Step,
    DateTimeOffset CreatedUtc,
    IReadOnlyDictionary<string, string> Files);
