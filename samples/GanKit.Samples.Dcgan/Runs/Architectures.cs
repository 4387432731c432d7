using GanKit.Mnist;
using GanKit.Networks;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>Maps <c>--arch</c> names (and <c>--conditional</c>) to the report's network presets.</summary>
internal static class Architectures
{
    /// <summary>Builds a fresh generator and discriminator of the named architecture.</summary>
    /// <param name="arch"><c>original</c> or <c>modified</c>.</param>
    /// <param name="conditional">Whether to build the class-conditional version, which takes the digit as well as the noise.</param>
    /// <exception cref="ArgumentException">The name is not <c>original</c> or <c>modified</c>.</exception>
    public static (GeneratorNetwork Generator, DiscriminatorNetwork Discriminator) Create(string arch, bool conditional = false) => (arch, conditional) switch
    {
        ("original", false) => (MnistDcgan.OriginalGenerator(), MnistDcgan.OriginalDiscriminator()),
        ("modified", false) => (MnistDcgan.ModifiedGenerator(), MnistDcgan.ModifiedDiscriminator()),
        ("original", true) => (MnistDcgan.ConditionalOriginalGenerator(), MnistDcgan.ConditionalOriginalDiscriminator()),
        ("modified", true) => (MnistDcgan.ConditionalModifiedGenerator(), MnistDcgan.ConditionalModifiedDiscriminator()),
        _ => throw new ArgumentException($"Unknown architecture '{arch}'; expected original or modified.", nameof(arch)),
    };

    /// <summary>The layer tables of both networks of the named architecture.</summary>
    public static (string Generator, string Discriminator) Summaries(string arch, bool conditional = false)
    {
        var (generator, discriminator) = Create(arch, conditional);
        using (generator)
        using (discriminator)
        {
            return (generator.Summary(), discriminator.Summary());
        }
    }

    /// <summary>How a run of <paramref name="arch"/> is named in folders and messages: <c>modified</c>, or <c>conditional-modified</c>.</summary>
    public static string RunName(string arch, bool conditional) => conditional ? $"conditional-{arch}" : arch;

    /// <summary>How a run of <paramref name="arch"/> is named in prose: <c>modified</c>, or <c>conditional modified</c>.</summary>
    public static string DisplayName(string arch, bool conditional) => conditional ? $"conditional {arch}" : arch;
}
