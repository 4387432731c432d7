using GanKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// An <see cref="IImageDataset"/> over a tensor the caller already has, for example images
/// generated in memory or loaded by the caller's own code.
/// </summary>
public sealed class TensorImageDataset : IImageDataset, IDisposable
{
    /// <summary>Creates a dataset that owns <paramref name="images"/>.</summary>
    /// <param name="images">A float32 tensor of shape <c>[N, C, H, W]</c> (or any <c>[N, ...]</c>), N &gt; 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentException">The tensor has fewer than two dimensions, no rows, or is not float32.</exception>
    public TensorImageDataset(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() < 2)
        {
            throw new ArgumentException($"Images need a batch dimension and at least one more; got shape [{string.Join(", ", images.shape)}].", nameof(images));
        }

        if (images.shape[0] == 0)
        {
            throw new ArgumentException("Images must hold at least one image; got 0.", nameof(images));
        }

        if (images.dtype != ScalarType.Float32)
        {
            throw new ArgumentException($"Images must be float32; got {images.dtype}.", nameof(images));
        }

        Images = images;
    }

    /// <inheritdoc />
    public long Count => Images.shape[0];

    /// <inheritdoc />
    public long[] ImageShape => Images.shape[1..];

    /// <inheritdoc />
    public Tensor Images { get; private set; }

    /// <inheritdoc />
    public Device Device => Images.device;

    /// <summary>Moves the images to <paramref name="device"/> (a no-op when already there).</summary>
    /// <returns>This dataset, for chaining.</returns>
    public TensorImageDataset To(Device device)
    {
        if (!Devices.IsOn(Images, device))
        {
            var moved = Images.to(device);
            Images.Dispose();
            Images = moved;
        }

        return this;
    }

    /// <summary>Releases the image tensor.</summary>
    public void Dispose() => Images.Dispose();
}
