using TorchSharp;

namespace GanKit.Layers;

/// <summary>
/// The padding of a <c>Conv2d</c> or <c>ConvTranspose2d</c> layer: TorchSharp's own
/// <see cref="Padding.Same"/> or <see cref="Padding.Valid"/> (read the Keras way), or an explicit
/// amount (read the PyTorch way). Both convert implicitly, so write <c>Padding.Same</c> or <c>2</c>.
/// </summary>
/// <remarks>
/// <para><b>Same</b> follows Keras exactly, including the asymmetric case. A convolution's output
/// is <c>ceil(in / stride)</c>; the total padding <c>max((out - 1) * stride + kernel - in, 0)</c>
/// is split with the smaller half on the top/left, so a 5x5 stride-2 convolution maps 28 to 14
/// (pads 1 above, 2 below) and 7 to 4 (2 and 2). A transposed convolution's output is
/// <c>in * stride</c> and its cells line up with Keras' (a 5x5 stride-2 one maps 7 to 14).
/// PyTorch's padding is symmetric, so GanKit computes the asymmetric cases in the mirror image
/// (both spatial axes reversed, where the odd cell falls where PyTorch's padding puts it) and pays
/// no padded copy and no cropped surplus for Keras' placement; inside a network a chain of
/// convolutions reverses only at its ends. Where the mirror cannot help (a surplus of a whole
/// stride) it pads the input explicitly, or crops the transposed output.</para>
/// <para><b>Valid</b> pads nothing: a convolution gives <c>floor((in - kernel) / stride) + 1</c>,
/// a transposed one <c>in * stride + max(kernel - stride, 0)</c>, as in Keras.</para>
/// <para>An explicit amount <c>p</c> pads every side by <c>p</c>, exactly as PyTorch's
/// <c>padding=p</c> (for a transposed convolution: <c>(in - 1) * stride - 2p + kernel</c>).</para>
/// </remarks>
public readonly struct ConvolutionPadding : IEquatable<ConvolutionPadding>
{
    private ConvolutionPadding(bool isSame, long amount)
    {
        IsSame = isSame;
        Amount = amount;
    }

    /// <summary>Gets Keras' 'valid' padding (no padding); the default.</summary>
    public static ConvolutionPadding Valid => default;

    /// <summary>Gets Keras' 'same' padding.</summary>
    public static ConvolutionPadding Same => new(true, 0);

    /// <summary>Gets whether this is Keras' 'same' padding.</summary>
    public bool IsSame { get; }

    /// <summary>Gets the explicit amount per side; 0 for <see cref="Valid"/>, unused for <see cref="Same"/>.</summary>
    public long Amount { get; }

    /// <summary>Pads every side by <paramref name="amount"/>.</summary>
    /// <param name="amount">Cells per side; not negative.</param>
    /// <returns>The padding.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public static ConvolutionPadding Explicit(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return new(false, amount);
    }

    /// <summary>Converts TorchSharp's padding mode.</summary>
    /// <param name="padding">The mode.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="padding"/> is not a defined value.</exception>
    public static implicit operator ConvolutionPadding(Padding padding) => padding switch
    {
        Padding.Same => Same,
        Padding.Valid => Valid,
        _ => throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding must be Padding.Same or Padding.Valid."),
    };

    /// <summary>Converts an explicit amount per side.</summary>
    /// <param name="amount">Cells per side; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public static implicit operator ConvolutionPadding(long amount) => Explicit(amount);

    /// <summary>Compares two paddings.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they pad alike.</returns>
    public static bool operator ==(ConvolutionPadding left, ConvolutionPadding right) => left.Equals(right);

    /// <summary>Compares two paddings.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they pad differently.</returns>
    public static bool operator !=(ConvolutionPadding left, ConvolutionPadding right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ConvolutionPadding other) => IsSame == other.IsSame && Amount == other.Amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConvolutionPadding other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsSame, Amount);

    /// <inheritdoc />
    public override string ToString() => IsSame ? "same" : Amount == 0 ? "valid" : Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Padding of one spatial axis of a convolution: cells before, cells after, output length.</summary>
    internal (long Before, long After, long Output) ForConvolution(long input, long kernel, long stride, string kind)
    {
        if (IsSame)
        {
            long output = (input + stride - 1) / stride;
            long total = Math.Max(((output - 1) * stride) + kernel - input, 0);
            return (total / 2, total - (total / 2), output);
        }

        long padded = input + (2 * Amount);
        if (padded < kernel)
        {
            throw new ArgumentException($"{kind} with a {kernel}x{kernel} kernel and padding {this} needs spatial sizes of at least {kernel - (2 * Amount)}.");
        }

        return (Amount, Amount, ((padded - kernel) / stride) + 1);
    }

    /// <summary>
    /// PyTorch arguments of one spatial axis of a transposed convolution: padding, output
    /// padding, cells to drop at the end, and the resulting length.
    /// </summary>
    internal (long Padding, long OutputPadding, long CropEnd, long Output) ForTransposedConvolution(long input, long kernel, long stride, string kind)
    {
        long full = ((input - 1) * stride) + kernel;
        if (IsSame)
        {
            long output = input * stride;
            long total = full - output;
            if (total < 0)
            {
                return (0, -total, 0, output);
            }

            long before = total / 2;
            return (before, 0, total - (2 * before), output);
        }

        if (Amount == 0)
        {
            long output = (input * stride) + Math.Max(kernel - stride, 0);
            return (0, output - full, 0, output);
        }

        long explicitOutput = full - (2 * Amount);
        if (explicitOutput < 1)
        {
            throw new ArgumentException($"{kind} with a {kernel}x{kernel} kernel, stride {stride} and padding {Amount} would give no output for spatial size {input}.");
        }

        return (Amount, 0, 0, explicitOutput);
    }
}
