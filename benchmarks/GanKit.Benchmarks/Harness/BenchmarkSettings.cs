namespace GanKit.Benchmarks.Harness;

/// <summary>
/// Sizes of every benchmark. <see cref="Full"/> gives the figures the README quotes; <see cref="Quick"/>
/// keeps the whole run near one minute for a CI smoke test, so its figures are indicative only.
/// </summary>
public sealed record BenchmarkSettings
{
    /// <summary>Gets a value indicating whether these are the quick settings.</summary>
    public bool IsQuick { get; init; }

    /// <summary>Gets the training batch size (the report's 256 in the full run).</summary>
    public int BatchSize { get; init; }

    /// <summary>Gets the unrecorded rounds before the recorded ones.</summary>
    public int WarmupRounds { get; init; }

    /// <summary>Gets the recorded, interleaved rounds of each side.</summary>
    public int Rounds { get; init; }

    /// <summary>Gets the recorded, interleaved rounds of each side per layer of the per-layer timings (short rounds, many of them, so each pair sees the same load).</summary>
    public int LayerRounds { get; init; }

    /// <summary>Gets the training steps in one round.</summary>
    public int BatchesPerRound { get; init; }

    /// <summary>Gets the side of the square matrices multiplied.</summary>
    public int MatmulSize { get; init; }

    /// <summary>Gets the number of images one inference call generates.</summary>
    public int InferenceBatch { get; init; }

    /// <summary>Gets the batch size of the long memory run.</summary>
    public int MemoryBatchSize { get; init; }

    /// <summary>Gets the steps at which memory is sampled; the first one ends the warm-up.</summary>
    public int[] MemorySteps { get; init; } = [];

    /// <summary>Gets the steps per epoch in the memory run (each epoch end writes samples and a checkpoint).</summary>
    public int MemoryStepsPerEpoch { get; init; }

    /// <summary>Gets the recorded rounds of the single-sided benchmarks (inference, matmul, load, checkpoints).</summary>
    public int SimpleRounds { get; init; }

    /// <summary>Gets the batch size of the per-step overhead comparison.</summary>
    public int OverheadBatchSize { get; init; }

    /// <summary>Gets the steps per round of the per-step overhead comparison.</summary>
    public int OverheadStepsPerRound { get; init; }

    /// <summary>Gets the settings of the full run.</summary>
    public static BenchmarkSettings Full { get; } = new()
    {
        BatchSize = 256,
        WarmupRounds = 2,
        Rounds = 11,
        LayerRounds = 21,
        BatchesPerRound = 3,
        MatmulSize = 2048,
        InferenceBatch = 256,
        MemoryBatchSize = 8,
        MemorySteps = [100, 500, 2000],
        MemoryStepsPerEpoch = 500,
        SimpleRounds = 5,
        OverheadBatchSize = 4,
        OverheadStepsPerRound = 40,
    };

    /// <summary>Gets the settings of the quick run.</summary>
    public static BenchmarkSettings Quick { get; } = new()
    {
        IsQuick = true,
        BatchSize = 64,
        WarmupRounds = 1,
        Rounds = 3,
        LayerRounds = 3,
        BatchesPerRound = 2,
        MatmulSize = 1024,
        InferenceBatch = 64,
        MemoryBatchSize = 4,
        MemorySteps = [20, 60, 150],
        MemoryStepsPerEpoch = 50,
        SimpleRounds = 3,
        OverheadBatchSize = 4,
        OverheadStepsPerRound = 10,
    };
}
