using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>Checks shared by every metric, so each one fails with the same clear messages.</summary>
internal static class FeatureValidation
{
    public static void RequireMatrix(Tensor features, string parameterName, long minimumRows)
    {
        ArgumentNullException.ThrowIfNull(features, parameterName);
        if (features.dim() != 2)
        {
            throw new ArgumentException($"Expected a 2-D matrix [N, D] of feature rows; got shape [{string.Join(", ", features.shape)}].", parameterName);
        }

        if (features.shape[0] < minimumRows)
        {
            throw new ArgumentException($"Expected at least {minimumRows} rows; got {features.shape[0]}.", parameterName);
        }

        if (!features.is_floating_point())
        {
            throw new ArgumentException($"Expected floating-point features; got {features.dtype}.", parameterName);
        }

        using var finite = features.isfinite().all();
        if (!finite.item<bool>())
        {
            throw new ArgumentException("The features contain NaN or infinite values.", parameterName);
        }
    }

    public static void RequireSameWidth(Tensor first, Tensor second, string secondName)
    {
        if (first.shape[1] != second.shape[1])
        {
            throw new ArgumentException($"Both sets need the same feature dimension; got {first.shape[1]} and {second.shape[1]}.", secondName);
        }
    }

    public static Tensor ToFloat64Cpu(Tensor features) => features.to(ScalarType.Float64, torch.CPU);
}
