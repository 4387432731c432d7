using GanKit.Networks;
using GanKit.Runtime;
using TorchSharp;

namespace GanKit.Mnist;

/// <summary>
/// The DCGAN architectures GanKit.Mnist reproduces: the Keras DCGAN tutorial's "original" generator
/// and discriminator, and the "modified" ones of a short DCGAN-on-MNIST study built on it, with Keras' defaults (Glorot-uniform kernels,
/// zero biases, LeakyReLU slope 0.3, BatchNorm epsilon 1e-3 and Keras momentum 0.99, 'same' padding).
/// Every call returns a new, freshly initialised network.
/// </summary>
/// <remarks>
/// GanKit is channels first: Keras' <c>Reshape((7, 7, 256))</c> is <c>Reshape(256, 7, 7)</c> here and
/// images are <c>[1, 28, 28]</c>. Parameter counts match the Keras models exactly.
/// </remarks>
public static class MnistDcgan
{
    /// <summary>The latent size of the Keras DCGAN tutorial: 100.</summary>
    public const long LatentDim = 100;

    /// <summary>The Keras DCGAN tutorial's dropout probability: 0.3.</summary>
    public const double DropoutProbability = 0.3;

    /// <summary>The L2 coefficient, 0.01, on the modified discriminator's second and third convolutions.</summary>
    public const double ModifiedL2 = 0.01;

    /// <summary>The number of MNIST classes, the digits 0 to 9, that the conditional presets take.</summary>
    public const int ClassCount = 10;

    /// <summary>The length of the digit embedding of <see cref="MnistLabelPath.Embedding"/>: 50.</summary>
    public const long LabelEmbeddingDim = 50;

    /// <summary>Gets the per-sample image shape, channels first.</summary>
    public static long[] ImageShape => [1, 28, 28];

    /// <summary>
    /// The original generator: Dense 12544 (no bias), BN, LReLU, Reshape 256x7x7; ConvT 128 5x5 s1,
    /// BN, LReLU; ConvT 64 5x5 s2, BN, LReLU; ConvT 1 5x5 s2, tanh (transposed convolutions without
    /// bias). Output <c>[1, 28, 28]</c>; 2,305,472 trainable and 25,472 non-trainable parameters.
    /// </summary>
    /// <param name="seed">Seeds the network's own initialisation generator (bit-identical weights for the same seed, torch's global stream untouched); null draws from torch's global stream.</param>
    /// <returns>A new generator.</returns>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static GeneratorNetwork OriginalGenerator(long? seed = null) => OriginalGeneratorTrunk(new GeneratorBuilder(LatentDim), PlainBatchNorm, seed);

    private static GeneratorNetwork OriginalGeneratorTrunk(GeneratorBuilder start, Func<GeneratorBuilder, GeneratorBuilder> norm, long? seed)
    {
        var builder = norm(start.Dense(7 * 7 * 256, bias: false)).LeakyReLU().Reshape(256, 7, 7);
        builder = norm(builder.ConvTranspose2d(128, 5, 1, Padding.Same, bias: false)).LeakyReLU();
        builder = norm(builder.ConvTranspose2d(64, 5, 2, Padding.Same, bias: false)).LeakyReLU();
        return builder.ConvTranspose2d(1, 5, 2, Padding.Same, bias: false).Tanh().Build(seed);
    }

    /// <summary>
    /// The original discriminator: Conv 64 5x5 s2, LReLU, Dropout 0.3; Conv 128 5x5 s2, LReLU,
    /// Dropout 0.3; Flatten; Dense 1 (a logit). 212,865 parameters.
    /// </summary>
    /// <param name="seed">Seeds the network's own initialisation generator (bit-identical weights for the same seed, torch's global stream untouched); null draws from torch's global stream.</param>
    /// <returns>A new discriminator.</returns>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static DiscriminatorNetwork OriginalDiscriminator(long? seed = null) => OriginalDiscriminatorTrunk().Dense(1).Build(seed);

    private static DiscriminatorBuilder OriginalDiscriminatorTrunk() => new DiscriminatorBuilder(ImageShape)
        .Conv2d(64, 5, 2, Padding.Same).LeakyReLU().Dropout(DropoutProbability)
        .Conv2d(128, 5, 2, Padding.Same).LeakyReLU().Dropout(DropoutProbability)
        .Flatten();

    /// <summary>
    /// The modified generator: the original with one more block (ConvT 128 5x5 s2, no bias, BN,
    /// LReLU) after the second transposed convolution, and the final ConvT 1 5x5 at stride 1.
    /// Output <c>[1, 28, 28]</c>; 2,512,128 trainable parameters.
    /// </summary>
    /// <remarks>
    /// The study inserts the stride-2 block but keeps the last layer at stride 2; taken literally
    /// the image would come out 56x56, which neither discriminator accepts (both take 28x28). The
    /// added block already brings 14x14 to 28x28, so the last layer here uses stride 1.
    /// </remarks>
    /// <param name="seed">Seeds the network's own initialisation generator (bit-identical weights for the same seed, torch's global stream untouched); null draws from torch's global stream.</param>
    /// <returns>A new generator.</returns>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static GeneratorNetwork ModifiedGenerator(long? seed = null) => ModifiedGeneratorTrunk(new GeneratorBuilder(LatentDim), PlainBatchNorm, seed);

    private static GeneratorNetwork ModifiedGeneratorTrunk(GeneratorBuilder start, Func<GeneratorBuilder, GeneratorBuilder> norm, long? seed)
    {
        var builder = norm(start.Dense(7 * 7 * 256, bias: false)).LeakyReLU().Reshape(256, 7, 7);
        builder = norm(builder.ConvTranspose2d(128, 5, 1, Padding.Same, bias: false)).LeakyReLU();
        builder = norm(builder.ConvTranspose2d(64, 5, 2, Padding.Same, bias: false)).LeakyReLU();
        builder = norm(builder.ConvTranspose2d(128, 5, 2, Padding.Same, bias: false)).LeakyReLU();
        return builder.ConvTranspose2d(1, 5, 1, Padding.Same, bias: false).Tanh().Build(seed);
    }

    /// <summary>
    /// The modified discriminator: Conv 64 5x5 s2, LReLU, Dropout; Conv 128 5x5 s2 with L2(0.01),
    /// LReLU, Dropout; Conv 256 5x5 s2 with L2(0.01), LReLU, Dropout; Flatten (256x4x4); Dense 1.
    /// 1,030,145 parameters. Add <see cref="LayerStackNetwork.RegularizationLoss"/> to its loss.
    /// </summary>
    /// <remarks>The study's text gives the third convolution 64 filters, its code 256; this follows the code.</remarks>
    /// <param name="seed">Seeds the network's own initialisation generator (bit-identical weights for the same seed, torch's global stream untouched); null draws from torch's global stream.</param>
    /// <returns>A new discriminator.</returns>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static DiscriminatorNetwork ModifiedDiscriminator(long? seed = null) => ModifiedDiscriminatorTrunk().Dense(1).Build(seed);

    private static DiscriminatorBuilder ModifiedDiscriminatorTrunk() => new DiscriminatorBuilder(ImageShape)
        .Conv2d(64, 5, 2, Padding.Same).LeakyReLU().Dropout(DropoutProbability)
        .Conv2d(128, 5, 2, Padding.Same, regularizer: Regularizers.L2(ModifiedL2)).LeakyReLU().Dropout(DropoutProbability)
        .Conv2d(256, 5, 2, Padding.Same, regularizer: Regularizers.L2(ModifiedL2)).LeakyReLU().Dropout(DropoutProbability)
        .Flatten();

    /// <summary>
    /// The conditional original generator: <see cref="OriginalGenerator"/>'s trunk with a label path
    /// (<paramref name="labelPath"/>): by default a learned 50-value embedding of the digit appended
    /// to the noise (Mirza and Osindero, 2014); or each of the trunk's three batch normalisations
    /// made per-digit (<c>ConditionalBatchNorm</c>). Takes <c>forward(noise, labels)</c>.
    /// </summary>
    /// <remarks>
    /// <para>Embedding: 2,933,172 trainable parameters, the original's 2,305,472 plus the 500-value
    /// table and the 627,200 weights the first dense layer gains for the 50 extra inputs; 52.4
    /// million multiply-accumulates per sample, 1.2% more than the original.</para>
    /// <para>Conditional batch norm: 2,534,720 trainable parameters, the original's less its 25,472
    /// batch-norm gains and biases plus ten of each per digit (254,720); the original's 51.7 million
    /// multiply-accumulates.</para>
    /// <para>Measured (10 epochs, seed 1, the README's results): the embedding drew about one image
    /// per digit, half of them the wrong digit (class accuracy 50%, intra-class FID 1010); the
    /// conditional batch norm drew varied digits, 77% as asked (intra-class FID 317), for a step
    /// about 7% dearer on the CPU.</para>
    /// </remarks>
    /// <param name="seed">Seeds the network's own initialisation generator (bit-identical weights for the same seed, torch's global stream untouched); null draws from torch's global stream.</param>
    /// <param name="labelPath">How the digit enters the generator.</param>
    /// <returns>A new conditional generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labelPath"/> is not a defined value.</exception>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static GeneratorNetwork ConditionalOriginalGenerator(long? seed = null, MnistLabelPath labelPath = MnistLabelPath.Embedding) =>
        labelPath == MnistLabelPath.Embedding
            ? OriginalGeneratorTrunk(Embedded(), PlainBatchNorm, seed)
            : OriginalGeneratorTrunk(new GeneratorBuilder(LatentDim), PerDigit(labelPath), seed);

    /// <summary>
    /// The conditional original discriminator: <see cref="OriginalDiscriminator"/>'s trunk, ending
    /// in a projection head (Miyato and Koyama, 2018) in place of <c>Dense(1)</c>: the linear logit
    /// plus the inner product of the digit's learned embedding with the 6,272 features.
    /// </summary>
    /// <remarks>275,585 trainable parameters: the original's 212,865 plus the 62,720-value embedding table; 6,272 more multiply-accumulates per sample (0.06%).</remarks>
    /// <param name="seed">Seeds the network's own initialisation generator (bit-identical weights for the same seed, torch's global stream untouched); null draws from torch's global stream.</param>
    /// <returns>A new conditional discriminator.</returns>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static DiscriminatorNetwork ConditionalOriginalDiscriminator(long? seed = null) =>
        OriginalDiscriminatorTrunk().Projection(ClassCount).Build(seed);

    /// <summary>
    /// The conditional modified generator: <see cref="ModifiedGenerator"/>'s trunk with the label
    /// path <paramref name="labelPath"/>, as in <see cref="ConditionalOriginalGenerator"/> (with
    /// conditional batch norm, all four of its batch normalisations are made per-digit).
    /// </summary>
    /// <remarks>Embedding: 3,139,828 trainable parameters, the modified generator's 2,512,128 plus 627,700 for the label path. Conditional batch norm: 2,743,680, its 2,512,128 less 25,728 batch-norm gains and biases plus ten of each per digit (257,280).</remarks>
    /// <param name="seed">Seeds the network's own initialisation generator (bit-identical weights for the same seed, torch's global stream untouched); null draws from torch's global stream.</param>
    /// <param name="labelPath">How the digit enters the generator.</param>
    /// <returns>A new conditional generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labelPath"/> is not a defined value.</exception>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static GeneratorNetwork ConditionalModifiedGenerator(long? seed = null, MnistLabelPath labelPath = MnistLabelPath.Embedding) =>
        labelPath == MnistLabelPath.Embedding
            ? ModifiedGeneratorTrunk(Embedded(), PlainBatchNorm, seed)
            : ModifiedGeneratorTrunk(new GeneratorBuilder(LatentDim), PerDigit(labelPath), seed);

    /// <summary>
    /// The conditional modified discriminator: <see cref="ModifiedDiscriminator"/>'s trunk, ending in
    /// a projection head over its 4,096 features in place of <c>Dense(1)</c>.
    /// </summary>
    /// <remarks>1,071,105 trainable parameters: the modified discriminator's 1,030,145 plus the 40,960-value embedding table.</remarks>
    /// <param name="seed">Seeds the network's own initialisation generator (bit-identical weights for the same seed, torch's global stream untouched); null draws from torch's global stream.</param>
    /// <returns>A new conditional discriminator.</returns>
    /// <exception cref="TorchRuntimeUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static DiscriminatorNetwork ConditionalModifiedDiscriminator(long? seed = null) =>
        ModifiedDiscriminatorTrunk().Projection(ClassCount).Build(seed);

    // What follows each of the generator's weight layers. Neither draws random numbers, so the
    // unconditional presets' seeded weights did not change when the conditional ones came to share
    // the trunk.
    private static GeneratorBuilder PlainBatchNorm(GeneratorBuilder builder) => builder.BatchNorm();

    private static Func<GeneratorBuilder, GeneratorBuilder> PerDigit(MnistLabelPath labelPath) =>
        Enum.IsDefined(labelPath)
            ? builder => builder.ConditionalBatchNorm(ClassCount)
            : throw new ArgumentOutOfRangeException(nameof(labelPath), labelPath, "The label path must be Embedding or ConditionalBatchNorm.");

    private static GeneratorBuilder Embedded() => new GeneratorBuilder(LatentDim).LabelEmbedding(ClassCount, LabelEmbeddingDim);
}
