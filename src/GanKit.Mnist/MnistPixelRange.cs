namespace GanKit.Mnist;

/// <summary>How the 0..255 pixel bytes are scaled into float32 image values.</summary>
public enum MnistPixelRange
{
    /// <summary>
    /// <c>(x - 127.5) / 127.5</c>, giving [-1, 1]: the range a <c>tanh</c> generator produces, and
    /// the scaling the Keras DCGAN tutorial uses.
    /// </summary>
    MinusOneToOne,

    /// <summary><c>x / 255</c>, giving [0, 1]: the range classifiers and the usual MNIST statistics use.</summary>
    ZeroToOne,
}
