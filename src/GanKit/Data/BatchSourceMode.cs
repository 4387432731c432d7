namespace GanKit.Data;

/// <summary>How <see cref="ImageFolderDataset.CreateBatchSource"/> serves batches.</summary>
public enum BatchSourceMode
{
    /// <summary>In memory when the decoded images fit within <see cref="BatchSourceOptions.MemoryLimitBytes"/>, streamed otherwise.</summary>
    Automatic,

    /// <summary>Decode everything once into one tensor (<see cref="InMemoryBatchSource"/>).</summary>
    InMemory,

    /// <summary>Decode each batch from disk on background threads (<see cref="StreamingBatchSource"/>).</summary>
    Streaming,
}
