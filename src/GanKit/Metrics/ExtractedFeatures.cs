using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// The features and class probabilities of a set of images, held in float64 on the CPU, together with
/// the identity of the extractor that produced them.
/// </summary>
/// <remarks>
/// Float64 because the Fréchet distance subtracts traces of similar size; in float32 the
/// cancellation leaves errors larger than the distances between good generators.
/// </remarks>
public sealed class ExtractedFeatures : IDisposable
{
    /// <summary>Wraps tensors that were already extracted.</summary>
    /// <param name="features">Features <c>[N, D]</c>; converted to float64 on the CPU.</param>
    /// <param name="probabilities">Class probabilities <c>[N, K]</c>; converted to float64 on the CPU.</param>
    /// <param name="extractorName">Name of the extractor.</param>
    /// <param name="extractorWeightsSha256">SHA-256 of the extractor's weights.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The tensors are not 2-D or their row counts differ.</exception>
    public ExtractedFeatures(Tensor features, Tensor probabilities, string extractorName, string extractorWeightsSha256)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(extractorName);
        ArgumentNullException.ThrowIfNull(extractorWeightsSha256);
        if (features.dim() != 2 || probabilities.dim() != 2)
        {
            throw new ArgumentException($"Features and probabilities must be 2-D [N, D] and [N, K]; got [{string.Join(", ", features.shape)}] and [{string.Join(", ", probabilities.shape)}].", nameof(features));
        }

        if (features.shape[0] != probabilities.shape[0])
        {
            throw new ArgumentException($"Features have {features.shape[0]} rows but probabilities have {probabilities.shape[0]}.", nameof(probabilities));
        }

        Features = features.to(ScalarType.Float64, torch.CPU);
        Probabilities = probabilities.to(ScalarType.Float64, torch.CPU);
        ExtractorName = extractorName;
        ExtractorWeightsSha256 = extractorWeightsSha256;
    }

    /// <summary>Gets the features, float64 <c>[Count, D]</c> on the CPU.</summary>
    public Tensor Features { get; }

    /// <summary>Gets the class probabilities, float64 <c>[Count, K]</c> on the CPU.</summary>
    public Tensor Probabilities { get; }

    /// <summary>Gets the number of images.</summary>
    public long Count => Features.shape[0];

    /// <summary>Gets the name of the extractor that produced the features.</summary>
    public string ExtractorName { get; }

    /// <summary>Gets the SHA-256 of the extractor's weights.</summary>
    public string ExtractorWeightsSha256 { get; }

    /// <summary>Gets the predicted class of each image (argmax of its probabilities), int64 <c>[Count]</c>.</summary>
    /// <returns>A new tensor the caller owns.</returns>
    public Tensor PredictedClasses() => Probabilities.argmax(1);

    /// <summary>Releases both tensors.</summary>
    public void Dispose()
    {
        Features.Dispose();
        Probabilities.Dispose();
    }
}
