using GanKit.Networks.Saving;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Networks;

public sealed partial class DiscriminatorNetwork
{
    /// <summary>
    /// Loads a discriminator written by <see cref="LayerStackNetwork.Save"/>, rebuilding it from the
    /// file's own description, on the CPU in evaluation mode.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="module">For a file of a wrapped module (<c>Discriminators.FromModule</c>), a new module of the same architecture; otherwise null.</param>
    /// <returns>The discriminator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved discriminator, is damaged, names an unregistered layer kind, or does not fit its description or the module; the message names the file and the first mismatch.</exception>
    public static DiscriminatorNetwork Load(string path, nn.Module<Tensor, Tensor>? module = null)
    {
        return NetworkFile.Load(path, nameof(DiscriminatorNetwork), module, (stack, random) => new DiscriminatorNetwork(stack, random));
    }
}
