using GanKit.Initialization;

namespace GanKit;

/// <summary>Factory for the kernel initializers GanKit ships.</summary>
public static class Initializers
{
    /// <summary>The DCGAN paper's standard deviation for <see cref="Normal"/>.</summary>
    public const double DcganStandardDeviation = 0.02;

    /// <summary>Gets Keras' default, Glorot (Xavier) uniform. This is the default of every GanKit layer.</summary>
    public static GlorotUniformInitializer GlorotUniform { get; } = new();

    /// <summary>Gets PyTorch's default layer initialisation, Kaiming uniform with <c>a = sqrt(5)</c>.</summary>
    public static KaimingUniformInitializer KaimingUniform { get; } = new(KaimingUniformInitializer.PyTorchDefaultNegativeSlope);

    /// <summary>Gets a normal initializer, by default the DCGAN paper's N(0, 0.02).</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The standard deviation; positive.</param>
    /// <returns>A new <see cref="NormalInitializer"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite, or the deviation is not positive.</exception>
    public static NormalInitializer Normal(double mean = 0, double standardDeviation = DcganStandardDeviation) => new(mean, standardDeviation);
}
