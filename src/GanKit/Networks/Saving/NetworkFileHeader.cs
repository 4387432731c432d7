namespace GanKit.Networks.Saving;

/// <summary>The JSON header of a saved network: what it is and how to rebuild it.</summary>
internal sealed record NetworkFileHeader(
    int FormatVersion,
    string Network,
    long[] InputShape,
    long[] OutputShape,
    NetworkFileLayer[] Layers);

/// <summary>One layer of the header: its registered kind and its settings.</summary>
internal sealed record NetworkFileLayer(string Kind, Dictionary<string, string> Properties);

/// <summary>One tensor of the file: its state-dict name, element type, shape and raw bytes.</summary>
internal sealed record NetworkFileTensor(string Name, string DType, long[] Shape, byte[] Bytes);
