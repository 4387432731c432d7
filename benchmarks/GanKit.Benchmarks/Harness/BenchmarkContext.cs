using GanKit.Data;

namespace GanKit.Benchmarks.Harness;

/// <summary>What every benchmark shares: the sizes, the report, the training images and a scratch folder.</summary>
/// <param name="Settings">The sizes of this run.</param>
/// <param name="Report">Receives the rows.</param>
/// <param name="Dataset">Training images on the CPU: MNIST's training split when found, otherwise synthetic images of the same shape.</param>
/// <param name="DatasetDescription">Where <paramref name="Dataset"/> came from.</param>
/// <param name="ScratchDirectory">A folder for checkpoints and samples, deleted at the end.</param>
/// <param name="MnistDirectory">The MNIST folder given on the command line, or null for the library's default lookup.</param>
/// <param name="Cases">The training cases to run (<c>original/simultaneous</c> ...), or null for all.</param>
public sealed record BenchmarkContext(
    BenchmarkSettings Settings,
    Report Report,
    IImageDataset Dataset,
    string DatasetDescription,
    string ScratchDirectory,
    string? MnistDirectory,
    IReadOnlySet<string>? Cases);
