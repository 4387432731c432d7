using GanKit.Layers;

namespace GanKit;

/// <summary>Adds <see cref="LabelEmbeddingLayer"/> to a builder.</summary>
public static class LabelEmbeddingBuilderExtensions
{
    /// <summary>
    /// Appends a learned embedding of each sample's label to the running feature vector,
    /// <c>[F]</c> to <c>[F + dimensions]</c>; first in a generator, it conditions the network on the
    /// label (Mirza and Osindero, 2014). See <see cref="LabelEmbeddingLayer"/>.
    /// </summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <param name="dimensions">The embedding's length; positive. 50 is a common choice for MNIST.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2 or <paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The running shape is not a vector, or an earlier label-reading layer has another class count.</exception>
    public static TBuilder LabelEmbedding<TBuilder>(this TBuilder builder, int classCount, long dimensions)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new LabelEmbeddingLayer(classCount, dimensions));
    }
}
