using GanKit.Initialization;
using GanKit.Regularization;

namespace GanKit.Layers.Modules;

/// <summary>The options every kernel layer (Dense, Conv2d, ConvTranspose2d) shares.</summary>
/// <remarks><c>Random</c> is the generator a seeded build draws initial values from; null for torch's global stream.</remarks>
internal sealed record KernelOptions(bool UseBias, Initializer Initializer, Regularizer? Regularizer, bool SpectralNorm, TorchSharp.torch.Generator? Random = null);
