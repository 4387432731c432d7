using GanKit.Initialization;
using GanKit.Layers.Modules;
using GanKit.Regularization;

namespace GanKit.Layers;

/// <summary>
/// Base of the layers with a kernel (<see cref="DenseLayer"/>, <see cref="Conv2dLayer"/>,
/// <see cref="ConvTranspose2dLayer"/>): bias, kernel initializer, kernel regularizer and
/// spectral normalisation.
/// </summary>
public abstract class KernelLayer
{
    /// <summary>Stores the kernel options.</summary>
    /// <param name="bias">Whether the layer adds a bias (zero-initialised).</param>
    /// <param name="initializer">Kernel initializer; null for <see cref="LayerDefaults.KernelInitializer"/>.</param>
    /// <param name="regularizer">Kernel regularizer; null for none.</param>
    /// <param name="spectralNorm">Whether the kernel is spectrally normalised.</param>
    private protected KernelLayer(bool bias, Initializer? initializer, Regularizer? regularizer, bool spectralNorm)
    {
        UseBias = bias;
        Initializer = initializer ?? LayerDefaults.KernelInitializer;
        Regularizer = regularizer;
        SpectralNorm = spectralNorm;
    }

    /// <summary>Gets whether the layer adds a bias. The default value is <see cref="LayerDefaults.UseBias"/>.</summary>
    public bool UseBias { get; }

    /// <summary>Gets the kernel initializer. The default value is <see cref="Initializers.GlorotUniform"/>.</summary>
    public Initializer Initializer { get; }

    /// <summary>Gets the kernel regularizer, or null. The default value is null.</summary>
    public Regularizer? Regularizer { get; }

    /// <summary>
    /// Gets whether the kernel is divided by its largest singular value, estimated by one power
    /// iteration per training-mode forward pass. The default value is <see cref="LayerDefaults.SpectralNorm"/>.
    /// </summary>
    public bool SpectralNorm { get; }

    /// <summary>The options a module is created with, drawing initial values from <paramref name="random"/> (null: torch's global stream).</summary>
    private protected KernelOptions OptionsWith(TorchSharp.torch.Generator? random) => new(UseBias, Initializer, Regularizer, SpectralNorm, random);
}
