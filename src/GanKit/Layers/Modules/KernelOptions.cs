using GanKit.Initialization;
using GanKit.Regularization;

namespace GanKit.Layers.Modules;

/// <summary>The options every kernel layer (Dense, Conv2d, ConvTranspose2d) shares.</summary>
internal sealed record KernelOptions(bool UseBias, Initializer Initializer, Regularizer? Regularizer, bool SpectralNorm);
