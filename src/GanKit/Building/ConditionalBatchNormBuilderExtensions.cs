using GanKit.Layers;

namespace GanKit;

/// <summary>Adds <see cref="ConditionalBatchNormLayer"/> to a builder.</summary>
public static class ConditionalBatchNormBuilderExtensions
{
    /// <summary>
    /// Appends a batch normalisation whose per-channel gain and bias are chosen by each sample's
    /// label (SNGAN, BigGAN); the shape is unchanged. See <see cref="ConditionalBatchNormLayer"/>.
    /// </summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <param name="epsilon">Added to the variance; finite and positive.</param>
    /// <param name="momentum">Weight of the old running statistic (Keras' convention), in [0, 1).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">The running shape is neither <c>[F]</c> nor <c>[C, H, W]</c>, or an earlier label-reading layer has another class count.</exception>
    public static TBuilder ConditionalBatchNorm<TBuilder>(this TBuilder builder, int classCount, double epsilon = LayerDefaults.BatchNormEpsilon, double momentum = LayerDefaults.BatchNormMomentum)
        where TBuilder : NetworkBuilder<TBuilder>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new ConditionalBatchNormLayer(classCount, epsilon, momentum));
    }
}
