using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>A batch of images with one class label each, on one device; disposing releases both.</summary>
/// <param name="Images">The images, <c>[B, ..ImageShape]</c>.</param>
/// <param name="Labels">Their labels, int64 <c>[B]</c>.</param>
public sealed record LabelledBatch(Tensor Images, Tensor Labels) : IDisposable
{
    /// <summary>Releases both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
