using static TorchSharp.torch;

namespace GanKit.Initialization;

/// <summary>Normal distribution with a given mean and standard deviation; the DCGAN paper uses N(0, 0.02).</summary>
public sealed class NormalInitializer : Initializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The standard deviation; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite, or the deviation is not positive.</exception>
    public NormalInitializer(double mean, double standardDeviation)
    {
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be finite.");
        }

        if (!double.IsFinite(standardDeviation) || standardDeviation <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be a finite number > 0.");
        }

        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <summary>Gets the mean.</summary>
    public double Mean { get; }

    /// <summary>Gets the standard deviation.</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc />
    public override void Initialize(Tensor weight, long fanIn, long fanOut, Generator? random)
    {
        ArgumentNullException.ThrowIfNull(weight);
        using (no_grad())
        {
            weight.normal_(Mean, StandardDeviation, random);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Normal({Mean}, {StandardDeviation})";
}
