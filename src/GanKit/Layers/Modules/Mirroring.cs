using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>
/// Computes Keras' asymmetric 'same' convolutions as PyTorch's symmetric ones, in a mirror image.
/// </summary>
/// <remarks>
/// <para>Keras puts the odd padding cell at the bottom/right. Reversed along both spatial axes,
/// image and kernel alike, the layer pads one cell more at the top/left instead, and there a
/// stride-2 window lines up exactly with PyTorch's symmetric padding: a 5x5 stride-2 convolution of
/// 28 cells, padded (1, 2) by Keras, is the mirror of PyTorch's <c>padding=2</c> one, and Keras'
/// transposed convolution of 7 cells to 14 is the mirror of <c>padding=2, output_padding=1</c>.
/// Nothing is padded by a copy, computed and cropped, or made contiguous; what remains is reversing
/// the tensors, a copy each.</para>
/// <para>Per-cell and per-channel layers (activations, dropout, 2-D batch normalisation) do not
/// care about the mirror, so a chain of convolutions with such layers between them stays mirrored:
/// <see cref="Plan"/> has only the chain's first convolution reverse its input and only its last
/// one reverse its output. A convolution created on its own reverses both itself.</para>
/// <para>The numbers are the same up to float32 rounding (sums run in another order); dropout
/// masks fall on other cells, with the same distribution.</para>
/// </remarks>
internal static class Mirroring
{
    /// <summary>The spatial axes of a <c>[N, C, H, W]</c> tensor.</summary>
    public static readonly long[] SpatialAxes = [2, 3];

    /// <summary>
    /// Lets chains of mirrorable convolutions in <paramref name="modules"/> (applied in order) stay
    /// mirrored between their first and last convolution; chains without an asymmetric one are left
    /// as they are.
    /// </summary>
    public static void Plan(IReadOnlyList<nn.Module<Tensor, Tensor>> modules)
    {
        int start = 0;
        while (start < modules.Count)
        {
            int end = start;
            while (end < modules.Count && (IsMirrorInvariant(modules[end]) || modules[end] is IMirrorableConvolution { CanMirror: true }))
            {
                end++;
            }

            var chain = modules.Skip(start).Take(end - start).OfType<IMirrorableConvolution>().ToArray();
            if (chain.Any(c => c.PrefersMirror))
            {
                for (int i = 0; i < chain.Length; i++)
                {
                    chain[i].ComputeMirrored(reverseInput: i == 0, reverseOutput: i == chain.Length - 1);
                }
            }

            start = Math.Max(end, start + 1);
        }
    }

    /// <summary>Reverses both spatial axes of a kernel or an activation (a copy).</summary>
    public static Tensor Reverse(Tensor tensor) => tensor.flip(SpatialAxes);

    // Per cell or per channel, and nothing else: reversing the spatial axes before or after gives
    // the same result (Dropout: the same distribution).
    private static bool IsMirrorInvariant(nn.Module<Tensor, Tensor> module) =>
        module is LeakyReLU or ReLU or Tanh or Sigmoid or Dropout or BatchNorm2d or ConditionalBatchNormModule or LabelMapsModule;
}

/// <summary>A convolution that can compute in the mirror image (see <see cref="Mirroring"/>).</summary>
internal interface IMirrorableConvolution
{
    /// <summary>Gets whether a mirrored form exists (PyTorch's padding can express it).</summary>
    bool CanMirror { get; }

    /// <summary>Gets whether the direct form would pad or crop by a copy, so mirroring saves work.</summary>
    bool PrefersMirror { get; }

    /// <summary>Gets whether the module computes mirrored.</summary>
    bool IsMirrored { get; }

    /// <summary>Gets whether it reverses its input (it takes it unmirrored).</summary>
    bool ReversesInput { get; }

    /// <summary>Gets whether it reverses its output (it hands it on unmirrored).</summary>
    bool ReversesOutput { get; }

    /// <summary>Computes mirrored from now on; the ends of a mirrored chain reverse the activations.</summary>
    void ComputeMirrored(bool reverseInput, bool reverseOutput);
}
