using GanKit.Data;
using GanKit.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.TestSupport;

/// <summary>A three-class GAN of 8x8 images, small enough to train in a test, in each conditional form.</summary>
internal static class TinyConditionalGan
{
    public const int Classes = 3;

    public static GeneratorNetwork Generator(int seed = 1, bool conditionalBatchNorm = true)
    {
        var builder = new GeneratorBuilder(TinyGan.LatentDim).LabelEmbedding(Classes, 4).Dense(4 * 4 * 4, bias: false);
        builder = conditionalBatchNorm ? builder.ConditionalBatchNorm(Classes) : builder.BatchNorm();
        return builder.LeakyReLU()
            .Reshape(4, 4, 4)
            .ConvTranspose2d(1, 3, 2, Padding.Same, bias: false).Tanh()
            .Build(seed);
    }

    public static DiscriminatorNetwork ProjectionDiscriminator(int seed = 2) => new DiscriminatorBuilder(1, 8, 8)
        .Conv2d(4, 3, 2, Padding.Same).LeakyReLU()
        .Flatten()
        .Projection(Classes)
        .Build(seed);

    public static DiscriminatorNetwork LabelMapsDiscriminator(int seed = 2) => new DiscriminatorBuilder(1, 8, 8)
        .LabelMaps(Classes)
        .Conv2d(4, 3, 2, Padding.Same).LeakyReLU()
        .Flatten()
        .Dense(1)
        .Build(seed);

    public static DiscriminatorNetwork AuxiliaryClassifierDiscriminator(int seed = 2) => new DiscriminatorBuilder(1, 8, 8)
        .Conv2d(4, 3, 2, Padding.Same).LeakyReLU()
        .Flatten()
        .AuxiliaryClassifier(Classes)
        .Build(seed);

    /// <summary>
    /// <paramref name="count"/> images whose every pixel tells its label: class <c>c</c>'s images
    /// are filled with <c>c / 10</c> plus a row-specific offset below 0.01, so a batch shows
    /// both which rows it drew and whether their labels came along.
    /// </summary>
    public static LabelledTensorDataset Data(int count = 40)
    {
        var labels = torch.arange(count, dtype: ScalarType.Int64).remainder(Classes);
        using var rows = torch.arange(count, dtype: ScalarType.Float32).div(count * 100f);
        using var level = labels.to(ScalarType.Float32).div(10f).add(rows);
        var images = level.view(count, 1, 1, 1).expand(count, 1, 8, 8).contiguous();
        return new LabelledTensorDataset(images, labels, Classes);
    }

    /// <summary>The label an image of <see cref="Data"/> encodes.</summary>
    public static long[] LabelsEncodedIn(Tensor images)
    {
        using var corner = images.select(1, 0).select(1, 0).select(1, 0).mul(10f).floor().to(ScalarType.Int64).cpu();
        return corner.data<long>().ToArray();
    }
}
