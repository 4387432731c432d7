using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Images and their class labels held as tensors: what a conditional run trains on when the data
/// is already in memory (MNIST and image folders have their own labelled datasets).
/// </summary>
/// <remarks>The dataset owns both tensors. Labels are checked against the class count by <see cref="LabelledBatchSource"/>, once, when a run starts.</remarks>
public sealed class LabelledTensorDataset : IImageDataset, ILabelledDataset, IDisposable
{
    private readonly TensorImageDataset _images;

    /// <summary>Creates the dataset.</summary>
    /// <param name="images">float32 images <c>[N, ..ImageShape]</c>.</param>
    /// <param name="labels">int64 labels <c>[N]</c> in <c>[0, classCount)</c>, on the images' device.</param>
    /// <param name="classCount">The number of classes; at least 1.</param>
    /// <param name="classNames">A name per class, or null for "0", "1", ...</param>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> or <paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentException">The images are not float32 with a batch dimension, the labels are not int64 <c>[N]</c> on the images' device, or the class names do not number <paramref name="classCount"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 1.</exception>
    public LabelledTensorDataset(Tensor images, Tensor labels, int classCount, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        _images = new TensorImageDataset(images);
        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1 || labels.shape[0] != images.shape[0])
        {
            throw new ArgumentException($"Labels must be int64 [{images.shape[0]}], one per image; got {labels.dtype} [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        if (!Runtime.Devices.AreSame(labels.device, images.device))
        {
            throw new ArgumentException($"Labels must be on the images' device ({images.device}); they are on {labels.device}.", nameof(labels));
        }

        if (classNames is not null && classNames.Count != classCount)
        {
            throw new ArgumentException($"{classNames.Count} class names were given for {classCount} classes.", nameof(classNames));
        }

        Labels = labels;
        ClassCount = classCount;
        ClassNames = classNames?.ToArray() ?? Enumerable.Range(0, classCount).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <inheritdoc />
    public long Count => _images.Count;

    /// <inheritdoc />
    public long[] ImageShape => _images.ImageShape;

    /// <inheritdoc />
    public Tensor Images => _images.Images;

    /// <inheritdoc />
    public Device Device => _images.Device;

    /// <inheritdoc />
    public Tensor Labels { get; }

    /// <inheritdoc />
    public int ClassCount { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Releases the images and the labels.</summary>
    public void Dispose()
    {
        _images.Dispose();
        Labels.Dispose();
    }
}
