using static TorchSharp.torch;

namespace GanKit.Initialization;

/// <summary>
/// Keras' default kernel initializer: uniform on <c>[-b, b]</c> with <c>b = sqrt(6 / (fanIn + fanOut))</c>.
/// </summary>
public sealed class GlorotUniformInitializer : Initializer
{
    /// <summary>Gets the bound <c>sqrt(6 / (fanIn + fanOut))</c> of the uniform range.</summary>
    /// <param name="fanIn">The fan-in.</param>
    /// <param name="fanOut">The fan-out.</param>
    /// <returns>The bound.</returns>
    public static double Bound(long fanIn, long fanOut) => Math.Sqrt(6.0 / (fanIn + fanOut));

    /// <inheritdoc />
    public override void Initialize(Tensor weight, long fanIn, long fanOut, Generator? random)
    {
        ArgumentNullException.ThrowIfNull(weight);
        double bound = Bound(fanIn, fanOut);
        using (no_grad())
        {
            weight.uniform_(-bound, bound, random);
        }
    }

    /// <inheritdoc />
    public override string ToString() => "GlorotUniform";
}
