using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// A set of images held as one tensor, the unit <c>AdversarialTrainer</c> trains on.
/// </summary>
/// <remarks>
/// Keeping the whole set in one tensor on the training device lets every mini-batch be gathered
/// there with one <c>index_select</c>, so a training step never copies from host to device.
/// </remarks>
public interface IImageDataset
{
    /// <summary>Gets the number of images.</summary>
    long Count { get; }

    /// <summary>Gets the shape of one image, channels first (for MNIST <c>[1, 28, 28]</c>).</summary>
    long[] ImageShape { get; }

    /// <summary>Gets all images as a float32 tensor of shape <c>[Count, ..ImageShape]</c>.</summary>
    Tensor Images { get; }

    /// <summary>Gets the device the images live on.</summary>
    Device Device { get; }
}
