using GanKit.Mnist;
using GanKit.Networks;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>Maps <c>--arch</c> names to the report's network presets.</summary>
internal static class Architectures
{
    /// <summary>Builds a fresh generator and discriminator of the named architecture.</summary>
    /// <exception cref="ArgumentException">The name is not <c>original</c> or <c>modified</c>.</exception>
    public static (GeneratorNetwork Generator, DiscriminatorNetwork Discriminator) Create(string arch) => arch switch
    {
        "original" => (MnistDcgan.OriginalGenerator(), MnistDcgan.OriginalDiscriminator()),
        "modified" => (MnistDcgan.ModifiedGenerator(), MnistDcgan.ModifiedDiscriminator()),
        _ => throw new ArgumentException($"Unknown architecture '{arch}'; expected original or modified.", nameof(arch)),
    };

    /// <summary>The layer tables of both networks of the named architecture.</summary>
    public static (string Generator, string Discriminator) Summaries(string arch)
    {
        var (generator, discriminator) = Create(arch);
        using (generator)
        using (discriminator)
        {
            return (generator.Summary(), discriminator.Summary());
        }
    }
}
