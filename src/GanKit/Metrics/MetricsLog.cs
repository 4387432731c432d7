using Microsoft.Extensions.Logging;

namespace GanKit.Metrics;

/// <summary>Log messages of the metrics, generated at compile time with stable event ids.</summary>
internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning,
        Message = "Fréchet distance from {SampleCount} samples of {Dimension}-dimensional features: with fewer samples than dimensions the covariance is singular and the distance is biased upward; use at least {Dimension} samples per set")]
    public static partial void FewerSamplesThanDimensions(ILogger logger, long sampleCount, long dimension);
}
