using GanKit.Data;
using GanKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Mnist;

/// <summary>
/// MNIST (or any data set in its IDX format) as two tensors: float32 images <c>[N, 1, rows, cols]</c>
/// and int64 labels <c>[N]</c>, verified against known hashes and movable to a device in one call.
/// </summary>
/// <remarks>
/// As an <see cref="IImageDataset"/> it feeds <see cref="ShuffledBatches"/> and the trainer directly;
/// <see cref="LabelledBatches"/> draws images with their labels for classifiers.
/// The tensors belong to the dataset, outside any dispose scope: dispose the dataset to free them.
/// </remarks>
public sealed partial class MnistDataset : IImageDataset, IDisposable
{
    private Tensor _images;
    private Tensor _labels;
    private bool _disposed;

    private MnistDataset(Tensor images, Tensor labels, MnistPixelRange pixelRange, string description)
    {
        _images = images;
        _labels = labels;
        PixelRange = pixelRange;
        Description = description;
    }

    /// <summary>Gets the number of images (and labels).</summary>
    public long Count => Images.shape[0];

    /// <summary>Gets the shape of one image: <c>[1, 28, 28]</c> for MNIST.</summary>
    public long[] ImageShape => Images.shape[1..];

    /// <summary>Gets all images, float32 <c>[Count, 1, rows, cols]</c>, scaled as <see cref="PixelRange"/> says.</summary>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public Tensor Images
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _images;
        }
    }

    /// <summary>Gets all labels, int64 <c>[Count]</c> (the digit 0 to 9 for MNIST).</summary>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public Tensor Labels
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _labels;
        }
    }

    /// <summary>Gets the device both tensors live on.</summary>
    public Device Device => Images.device;

    /// <summary>Gets how the pixels were scaled.</summary>
    public MnistPixelRange PixelRange { get; }

    /// <summary>Gets what was loaded, for example <c>MNIST Train</c> or the two file paths.</summary>
    public string Description { get; }

    /// <summary>Moves images and labels to <paramref name="device"/> (nothing happens when they are already there).</summary>
    /// <param name="device">The target device, for example <c>torch.CUDA</c>.</param>
    /// <returns>This dataset, for chaining.</returns>
    /// <exception cref="ObjectDisposedException">The dataset was disposed.</exception>
    public MnistDataset To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Device objects compare by reference, so compare type and index; index -1 means "the
        // default one of that type", which a tensor already on that type satisfies.
        if (Devices.IsOn(_images, device))
        {
            return this;
        }

        var images = _images.to(device).DetachFromDisposeScope();
        var labels = _labels.to(device).DetachFromDisposeScope();
        _images.Dispose();
        _labels.Dispose();
        _images = images;
        _labels = labels;
        return this;
    }

    /// <summary>Releases both tensors.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _images.Dispose();
        _labels.Dispose();
    }
}
