using GanKit.Layers;

namespace GanKit;

/// <summary>Adds <see cref="LabelMapsLayer"/> to a discriminator builder.</summary>
public static class LabelMapsBuilderExtensions
{
    /// <summary>
    /// Appends one constant map per class to the image's channels, the sample's own class all ones,
    /// <c>[C, H, W]</c> to <c>[C + classCount, H, W]</c>; first in a discriminator, it shows the
    /// label to the first convolution. See <see cref="LabelMapsLayer"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    /// <exception cref="ArgumentException">The running shape is not an image <c>[C, H, W]</c>, or an earlier label-reading layer has another class count.</exception>
    public static DiscriminatorBuilder LabelMaps(this DiscriminatorBuilder builder, int classCount)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new LabelMapsLayer(classCount));
    }
}
