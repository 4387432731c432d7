namespace GanKit.Mnist;

/// <summary>Progress of one file being downloaded from an HTTP mirror.</summary>
/// <param name="FileName">The file being fetched, as named on the mirror (for example <c>train-images-idx3-ubyte.gz</c>).</param>
/// <param name="Mirror">The mirror it comes from.</param>
/// <param name="BytesReceived">Bytes received so far in this attempt.</param>
/// <param name="TotalBytes">The size the server announced, or null when it announced none.</param>
public readonly record struct MnistDownloadProgress(string FileName, Uri Mirror, long BytesReceived, long? TotalBytes);
