using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Maps images to the feature vectors and class probabilities that GAN metrics are computed on
/// (the role Inception-v3 plays for FID on natural images).
/// </summary>
/// <remarks>
/// Metrics are only comparable when computed with the same network and the same weights, so an
/// extractor names itself and the SHA-256 of its weights; every GanKit report copies both.
/// Call <see cref="FeatureExtraction.Extract"/> rather than <see cref="ExtractBatch"/> directly:
/// it batches the images and runs the network without building an autograd graph.
/// </remarks>
public interface IFeatureExtractor
{
    /// <summary>Gets a short name of the network, for example <c>mnist-lenet</c>.</summary>
    string Name { get; }

    /// <summary>Gets the lowercase hexadecimal SHA-256 of the weights the network runs with.</summary>
    string WeightsSha256 { get; }

    /// <summary>Gets the length of one feature vector.</summary>
    long FeatureDimension { get; }

    /// <summary>Gets the number of classes the probabilities range over.</summary>
    long ClassCount { get; }

    /// <summary>Gets the shape of one input image, channels first.</summary>
    long[] ImageShape { get; }

    /// <summary>
    /// Runs the network in evaluation mode on one batch of images.
    /// </summary>
    /// <param name="images">A batch of shape <c>[B, ..ImageShape]</c> in the value range the network was trained on.</param>
    /// <returns>
    /// Features <c>[B, FeatureDimension]</c> and class probabilities <c>[B, ClassCount]</c> (rows sum to 1),
    /// both new tensors the caller owns.
    /// </returns>
    /// <exception cref="ArgumentException">The batch does not have the expected image shape.</exception>
    (Tensor Features, Tensor Probabilities) ExtractBatch(Tensor images);
}
