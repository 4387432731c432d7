namespace GanKit.Data;

/// <summary>How 0..255 pixel values are scaled into float32 image values.</summary>
public enum ImagePixelRange
{
    /// <summary><c>(x - 127.5) / 127.5</c>, giving [-1, 1]: the range a <c>tanh</c> generator produces.</summary>
    MinusOneToOne,

    /// <summary><c>x / 255</c>, giving [0, 1]: the range classifiers usually take.</summary>
    ZeroToOne,
}
