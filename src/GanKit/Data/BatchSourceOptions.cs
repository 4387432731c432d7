namespace GanKit.Data;

/// <summary>How an <see cref="ImageFolderDataset"/>'s batches are served: in memory or streamed, and with how many threads.</summary>
/// <remarks>Checked when the source is made; a violation raises an <see cref="ArgumentOutOfRangeException"/> naming the option.</remarks>
public sealed class BatchSourceOptions
{
    /// <summary>Default of <see cref="Mode"/>: <see cref="BatchSourceMode.Automatic"/>.</summary>
    internal const BatchSourceMode DefaultMode = BatchSourceMode.Automatic;

    /// <summary>Default of <see cref="MemoryLimitBytes"/>: 2 GiB.</summary>
    internal const long DefaultMemoryLimitBytes = 2L << 30;

    /// <summary>Default of <see cref="Workers"/>: 0, meaning one thread fewer than the machine has cores, and at least one.</summary>
    internal const int DefaultWorkers = 0;

    /// <summary>Default of <see cref="PrefetchBatches"/>: 4.</summary>
    internal const int DefaultPrefetchBatches = 4;

    /// <summary>Gets or sets whether batches come from memory or are streamed from disk.</summary>
    /// <value>The default value is <see cref="BatchSourceMode.Automatic"/>.</value>
    public BatchSourceMode Mode { get; set; } = DefaultMode;

    /// <summary>
    /// Gets or sets the memory the images may take. Under <see cref="BatchSourceMode.Automatic"/> a
    /// folder whose decoded size (<see cref="ImageFolderDataset.DecodedBytes"/>) exceeds it is
    /// streamed; while streaming, fewer batches are decoded ahead when that many would exceed it.
    /// </summary>
    /// <value>The default value is 2 GiB. Must be positive.</value>
    public long MemoryLimitBytes { get; set; } = DefaultMemoryLimitBytes;

    /// <summary>Gets or sets the number of decoding threads while streaming.</summary>
    /// <value>The default value is 0: the cores less one, at least one. Must be 0 or more.</value>
    public int Workers { get; set; } = DefaultWorkers;

    /// <summary>Gets or sets how many batches are decoded ahead of the one training uses, across all threads.</summary>
    /// <value>The default value is 4. Must be at least 1.</value>
    public int PrefetchBatches { get; set; } = DefaultPrefetchBatches;

    /// <summary>Gets the number of decoding threads <see cref="Workers"/> stands for on this machine.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    internal void Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, $"Mode {Mode} is not a defined BatchSourceMode.");
        }

        if (MemoryLimitBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, $"MemoryLimitBytes must be positive; got {MemoryLimitBytes}.");
        }

        if (Workers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, $"Workers must be 0 (automatic) or more; got {Workers}.");
        }

        if (PrefetchBatches < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PrefetchBatches), PrefetchBatches, $"PrefetchBatches must be at least 1; got {PrefetchBatches}.");
        }
    }

    internal BatchSourceOptions Clone() => (BatchSourceOptions)MemberwiseClone();
}
