using GanKit.Networks;
using TorchSharp;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>
/// A small DCGAN for square colour (or grayscale) images of 32 or 64 pixels, composed with the
/// builders: a 4x4x256 seed upsampled by stride-2 transposed convolutions (128, 64, and 32 filters
/// for 64 pixels) to the image, and a discriminator of stride-2 convolutions that mirrors it.
/// </summary>
internal static class ColourDcgan
{
    /// <summary>The latent size.</summary>
    public const long LatentDim = 100;

    /// <summary>The image sides the preset is built for.</summary>
    public static readonly int[] ImageSizes = [32, 64];

    /// <summary>Builds the generator for <paramref name="channels"/> x <paramref name="size"/> x <paramref name="size"/> images in [-1, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not 32 or 64.</exception>
    public static GeneratorNetwork Generator(int size, int channels)
    {
        int stages = Stages(size);
        var builder = new GeneratorBuilder(LatentDim)
            .Dense(4 * 4 * 256, bias: false).BatchNorm().LeakyReLU()
            .Reshape(256, 4, 4);
        int filters = 128;
        for (int stage = 1; stage < stages; stage++, filters /= 2)
        {
            builder = builder.ConvTranspose2d(filters, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU();
        }

        return builder.ConvTranspose2d(channels, 5, 2, Padding.Same, bias: false).Tanh().Build();
    }

    /// <summary>Builds the discriminator for <paramref name="channels"/> x <paramref name="size"/> x <paramref name="size"/> images.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not 32 or 64.</exception>
    public static DiscriminatorNetwork Discriminator(int size, int channels)
    {
        int stages = Stages(size);
        var builder = new DiscriminatorBuilder(channels, size, size);
        int filters = 64;
        for (int stage = 0; stage < stages; stage++, filters *= 2)
        {
            builder = builder.Conv2d(filters, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3);
        }

        return builder.Flatten().Dense(1).Build();
    }

    // From 4 pixels, each stride-2 stage doubles the side: 3 stages make 32, 4 make 64.
    private static int Stages(int size) => size switch
    {
        32 => 3,
        64 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, $"The colour preset is built for 32 or 64 pixels; got {size}."),
    };
}
