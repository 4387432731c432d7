using GanKit;
using GanKit.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Bringing your own modules".</summary>
internal static class OwnModules
{
    public static (GeneratorNetwork, DiscriminatorNetwork) Wrap()
    {
        var generator = Generators.FromModule(
            nn.Sequential(nn.Linear(100, 256), nn.ReLU(), nn.Linear(256, 784), nn.Tanh(), nn.Unflatten(1, [1, 28, 28])),
            latentDim: 100, 1, 28, 28);
        var discriminator = Discriminators.FromModule(
            nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1)),
            1, 28, 28);
        return (generator, discriminator);
    }
}
