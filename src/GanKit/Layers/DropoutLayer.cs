using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Layers;

/// <summary>
/// Element-wise dropout (Keras <c>Dropout</c>): active in training mode only, scaling kept values
/// by <c>1 / (1 - p)</c>.
/// </summary>
public sealed class DropoutLayer : ElementwiseLayer
{
    /// <summary>Describes the layer.</summary>
    /// <param name="probability">Probability of zeroing an element, in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1).</exception>
    public DropoutLayer(double probability)
    {
        if (!(probability >= 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The dropout probability must be in [0, 1).");
        }

        Probability = probability;
    }

    /// <summary>Gets the probability of zeroing an element.</summary>
    public double Probability { get; }

    /// <inheritdoc />
    public override string Kind => "Dropout";

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(long[] inputShape) => nn.Dropout(Probability);
}
