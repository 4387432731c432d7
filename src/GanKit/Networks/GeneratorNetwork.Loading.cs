using GanKit.Networks.Saving;
using GanKit.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Networks;

public sealed partial class GeneratorNetwork
{
    /// <summary>The generator file every checkpoint of a run holds (raw weights, as trained).</summary>
    public const string CheckpointFileName = "generator.gankit";

    /// <summary>The generator file a checkpoint holds when the run kept a moving average: the averaged weights.</summary>
    public const string AveragedCheckpointFileName = "generator-ema.gankit";

    // The trainer's folder for checkpoints under a run folder (AdversarialTrainer.CheckpointsFolderName).
    private const string RunCheckpointsFolder = "checkpoints";

    /// <summary>
    /// Loads a generator written by <see cref="LayerStackNetwork.Save"/>, rebuilding it from the
    /// file's own description; no code that built it is needed. The network is on the CPU in
    /// evaluation mode.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not a saved generator, is damaged (its SHA-256 does not match), names a layer kind
    /// that is not registered, holds a wrapped module, or its tensors do not fit its description;
    /// the message names the file and the first mismatch.
    /// </exception>
    public static GeneratorNetwork Load(string path) => Load(path, null);

    /// <summary>
    /// Loads a generator whose file holds a wrapped module's weights (<c>Generators.FromModule</c>):
    /// <paramref name="module"/>, a new module of the same architecture, receives them.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="module">The module to load the weights into; null for a network the builders made.</param>
    /// <returns>The generator, on the CPU (or where <paramref name="module"/> lives) in evaluation mode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved generator, is damaged, or does not fit the module; the message names the file and the first mismatch.</exception>
    public static GeneratorNetwork Load(string path, nn.Module<Tensor, Tensor>? module)
    {
        return NetworkFile.Load(path, nameof(GeneratorNetwork), module, (stack, random) => new GeneratorNetwork(stack, random));
    }

    /// <summary>
    /// Loads the generator of a training run from its newest valid checkpoint: the moving-average
    /// weights when the run kept them and <paramref name="averaged"/> is true (what the run's
    /// samples and evaluation used), otherwise the raw weights.
    /// </summary>
    /// <param name="runFolder">The run's output folder (the one holding <c>checkpoints/</c>).</param>
    /// <param name="averaged">Prefer the averaged weights when the checkpoint has them.</param>
    /// <returns>The generator, on the CPU in evaluation mode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="runFolder"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder holds no valid checkpoint.</exception>
    /// <exception cref="InvalidDataException">The newest valid checkpoint holds no saved generator (it was written by an older release), or the file does not load; the message names the file.</exception>
    public static GeneratorNetwork LoadFromRun(string runFolder, bool averaged = true)
    {
        ArgumentNullException.ThrowIfNull(runFolder);
        string root = Path.Combine(Path.GetFullPath(runFolder), RunCheckpointsFolder);
        var checkpoint = new CheckpointStore(root).FindLatestValid()
            ?? throw new DirectoryNotFoundException($"'{root}' holds no valid checkpoint; a run writes one at each epoch's end.");
        var files = checkpoint.Manifest.Files;
        string? name = averaged && files.ContainsKey(AveragedCheckpointFileName) ? AveragedCheckpointFileName
            : files.ContainsKey(CheckpointFileName) ? CheckpointFileName
            : null;
        return name is null
            ? throw new InvalidDataException($"Checkpoint '{checkpoint.Directory}' holds no '{CheckpointFileName}': it was written by an older release, or the generator has a layer of your own without a registered description (LayerDescriptions.Register).")
            : Load(checkpoint.PathOf(name));
    }
}
