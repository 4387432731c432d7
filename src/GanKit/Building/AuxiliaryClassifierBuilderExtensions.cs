using GanKit.Layers;

namespace GanKit;

/// <summary>Adds <see cref="AuxiliaryClassifierLayer"/> to a discriminator builder.</summary>
public static class AuxiliaryClassifierBuilderExtensions
{
    /// <summary>
    /// Ends the discriminator with an AC-GAN head (Odena et al., 2017), <c>[F]</c> to
    /// <c>[1 + classCount]</c> in place of <c>Dense(1)</c>: the adversarial logit and one logit per
    /// class. The trainer then adds the auxiliary classification loss to both networks. See
    /// <see cref="AuxiliaryClassifierLayer"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="classCount">The number of classes; at least 2.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    /// <exception cref="ArgumentException">The running shape is not a vector; add <c>Flatten()</c> first.</exception>
    public static DiscriminatorBuilder AuxiliaryClassifier(this DiscriminatorBuilder builder, int classCount)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new AuxiliaryClassifierLayer(classCount));
    }
}
