using GanKit.Initialization;

namespace GanKit.Layers;

/// <summary>
/// The defaults of GanKit's layers, chosen to match Keras so that a network described the Keras
/// way behaves the Keras way.
/// </summary>
public static class LayerDefaults
{
    /// <summary>Kernel layers have a bias unless told otherwise. The default value is true.</summary>
    public const bool UseBias = true;

    /// <summary>Convolution stride. The default value is 1.</summary>
    public const long Stride = 1;

    /// <summary>Kernel layers are not spectrally normalised unless told otherwise. The default value is false.</summary>
    public const bool SpectralNorm = false;

    /// <summary>Keras' <c>BatchNormalization</c> epsilon. The default value is 1e-3 (PyTorch's is 1e-5).</summary>
    public const double BatchNormEpsilon = 1e-3;

    /// <summary>
    /// Keras' <c>BatchNormalization</c> momentum, the weight of the old running statistic. The
    /// default value is 0.99, which is PyTorch's momentum 0.01.
    /// </summary>
    public const double BatchNormMomentum = 0.99;

    /// <summary>Keras' <c>LeakyReLU</c> slope for negative inputs. The default value is 0.3 (PyTorch's is 0.01).</summary>
    public const double LeakyReLUSlope = 0.3;

    /// <summary>Upsampling factor of <c>Upsample</c>. The default value is 2.</summary>
    public const long UpsampleScale = 2;

    /// <summary>Gets the kernel initializer: Glorot (Xavier) uniform, Keras' default.</summary>
    public static Initializer KernelInitializer { get; } = new GlorotUniformInitializer();
}
