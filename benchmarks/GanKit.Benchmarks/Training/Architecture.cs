using GanKit.Mnist;
using GanKit.Networks;

namespace GanKit.Benchmarks.Training;

/// <summary>A generator/discriminator pair of the report, built fresh on every call.</summary>
/// <param name="Name">Short name used in the tables: <c>original</c> or <c>modified</c>.</param>
/// <param name="CreateGenerator">Builds a new generator.</param>
/// <param name="CreateDiscriminator">Builds a new discriminator.</param>
public sealed record Architecture(string Name, Func<GeneratorNetwork> CreateGenerator, Func<DiscriminatorNetwork> CreateDiscriminator)
{
    /// <summary>Gets the Keras tutorial's networks.</summary>
    public static Architecture Original { get; } = new("original", () => MnistDcgan.OriginalGenerator(), () => MnistDcgan.OriginalDiscriminator());

    /// <summary>Gets the report's modified networks (one more generator block, a third convolution with L2).</summary>
    public static Architecture Modified { get; } = new("modified", () => MnistDcgan.ModifiedGenerator(), () => MnistDcgan.ModifiedDiscriminator());

    /// <summary>Gets both pairs.</summary>
    public static IReadOnlyList<Architecture> All { get; } = [Original, Modified];
}
