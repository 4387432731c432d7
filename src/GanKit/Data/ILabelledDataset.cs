using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// A dataset whose images each carry an integer class label, for conditional networks and for
/// evaluators that report per class.
/// </summary>
/// <remarks>
/// Labels are positions in <see cref="ClassNames"/>: image <c>i</c> is of class
/// <c>ClassNames[Labels[i]]</c>. The images themselves are reached through the implementation
/// (an <see cref="IImageDataset"/>, or an <see cref="ImageFolderDataset"/>'s batch source), in the
/// same order as the labels.
/// </remarks>
public interface ILabelledDataset
{
    /// <summary>Gets the number of images, and so of labels.</summary>
    long Count { get; }

    /// <summary>Gets the number of classes; every label is in <c>[0, ClassCount)</c>.</summary>
    int ClassCount { get; }

    /// <summary>Gets the name of each class, indexed by label.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Gets the labels, an int64 tensor of shape <c>[Count]</c>.</summary>
    Tensor Labels { get; }
}
