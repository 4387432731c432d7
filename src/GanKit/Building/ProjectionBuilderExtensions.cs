using GanKit.Layers;

namespace GanKit;

/// <summary>Adds <see cref="ProjectionLayer"/> to a discriminator builder.</summary>
public static class ProjectionBuilderExtensions
{
    /// <summary>
    /// Ends a conditional discriminator with the projection head (Miyato and Koyama, 2018): the
    /// linear logit of the features plus the inner product of the label's learned embedding with
    /// them, <c>[F]</c> to <c>[1]</c>, in place of <c>Dense(1)</c>. See <see cref="ProjectionLayer"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    /// <exception cref="ArgumentException">The running shape is not a vector (add <c>Flatten()</c>), or an earlier label-reading layer has another class count.</exception>
    public static DiscriminatorBuilder Projection(this DiscriminatorBuilder builder, int classCount)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new ProjectionLayer(classCount));
    }
}
