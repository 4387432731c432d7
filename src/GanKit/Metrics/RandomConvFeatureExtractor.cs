using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// The fallback feature space for images without labels: two fixed, seeded random convolutions
/// (3x3, stride 2, ReLU, to 32 then 64 channels, He-scaled normal weights) and an average pool to
/// 4x4, giving 1,024 features. Nothing is trained, so any folder can be evaluated at once.
/// </summary>
/// <remarks>
/// <para>
/// <b>Not comparable with published numbers.</b> FID, KID and precision/recall in this space
/// rank runs of one project against each other (random convolutional features track low-level
/// statistics: colour, edges, texture), but they are not Inception-v3 FIDs, and two seeds give two
/// different spaces. The <see cref="Name"/> says so, and every report copies it with the
/// <see cref="WeightsSha256"/>. Label your images and use <see cref="ClassifierFeatureExtractor"/>
/// for features that know your classes.
/// </para>
/// <para>
/// The weights come from a private <see cref="torch.Generator"/> on the CPU, so a seed gives the same
/// weights, and the same hash, on every machine.
/// </para>
/// </remarks>
public sealed class RandomConvFeatureExtractor : IFeatureExtractor, IDisposable
{
    /// <summary>The default seed.</summary>
    public const long DefaultSeed = 0;

    private readonly Tensor _conv1;
    private readonly Tensor _conv2;
    private readonly long[] _imageShape;

    /// <summary>Creates the feature space for images of <paramref name="imageShape"/>.</summary>
    /// <param name="imageShape">One image, <c>[C, H, W]</c>, H and W at least 4.</param>
    /// <param name="seed">Seed of the weights.</param>
    /// <exception cref="ArgumentNullException"><paramref name="imageShape"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape is not <c>[C, H, W]</c> with positive C and sides of at least 4.</exception>
    public RandomConvFeatureExtractor(long[] imageShape, long seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(imageShape);
        if (imageShape.Length != 3 || imageShape[0] < 1 || imageShape[1] < 4 || imageShape[2] < 4)
        {
            throw new ArgumentException($"Expected an image shape [C, H, W] with C >= 1 and H, W >= 4; got [{string.Join(", ", imageShape)}].", nameof(imageShape));
        }

        _imageShape = (long[])imageShape.Clone();
        Seed = seed;
        using var generator = new torch.Generator((ulong)seed);
        long channels = imageShape[0];
        _conv1 = (torch.randn(new long[] { 32, channels, 3, 3 }, generator: generator) * Math.Sqrt(2.0 / (channels * 9))).DetachFromDisposeScope();
        _conv2 = (torch.randn(new long[] { 64, 32, 3, 3 }, generator: generator) * Math.Sqrt(2.0 / (32 * 9))).DetachFromDisposeScope();
        WeightsSha256 = Hash(_conv1, _conv2);
    }

    /// <summary>Gets the seed of the weights.</summary>
    public long Seed { get; }

    /// <inheritdoc />
    public string Name => $"random-conv-seed{Seed}-not-comparable-with-published";

    /// <inheritdoc />
    public string WeightsSha256 { get; }

    /// <inheritdoc />
    public long FeatureDimension => 64 * 4 * 4;

    /// <inheritdoc />
    /// <remarks>1: the space knows no classes, and every probability row is <c>[1]</c>.</remarks>
    public long ClassCount => 1;

    /// <inheritdoc />
    public long[] ImageShape => (long[])_imageShape.Clone();

    /// <inheritdoc />
    public (Tensor Features, Tensor Probabilities) ExtractBatch(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || !images.shape.AsSpan(1).SequenceEqual(_imageShape))
        {
            throw new ArgumentException($"Extractor '{Name}' takes images of shape [B, {string.Join(", ", _imageShape)}]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var x = images.to(ScalarType.Float32, torch.CPU);
        x = torch.nn.functional.relu(torch.nn.functional.conv2d(x, _conv1, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 }));
        x = torch.nn.functional.relu(torch.nn.functional.conv2d(x, _conv2, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 }));
        var features = torch.nn.functional.adaptive_avg_pool2d(x, new long[] { 4, 4 }).flatten(1);
        var probabilities = torch.ones(images.shape[0], 1, dtype: ScalarType.Float32);
        return (features.MoveToOuterDisposeScope(), probabilities.MoveToOuterDisposeScope());
    }

    /// <summary>Releases the weights.</summary>
    public void Dispose()
    {
        _conv1.Dispose();
        _conv2.Dispose();
    }

    private static string Hash(params Tensor[] weights)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var w in weights)
        {
            float[] values = w.data<float>().ToArray();
            sha.AppendData(MemoryMarshal.AsBytes(values.AsSpan()));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
