using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>Leaky ReLU (Keras <c>LeakyReLU</c>, default slope 0.3 as in Keras).</summary>
public sealed class LeakyReLULayer : ElementwiseLayer
{
    /// <summary>Describes the layer.</summary>
    /// <param name="slope">Slope for negative inputs; finite and not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slope"/> is negative, NaN or infinite.</exception>
    public LeakyReLULayer(double slope = LayerDefaults.LeakyReLUSlope)
    {
        if (!double.IsFinite(slope) || slope < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slope), slope, "The LeakyReLU slope must be a finite number >= 0.");
        }

        Slope = slope;
    }

    /// <summary>Gets the slope for negative inputs. The default value is 0.3.</summary>
    public double Slope { get; }

    /// <inheritdoc />
    public override string Kind => "LeakyReLU";

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => nn.LeakyReLU(Slope);
}
