namespace GanKit.Mnist.Idx;

/// <summary>The checked content of one IDX file.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Dimensions">The dimensions the header declares, outermost first.</param>
/// <param name="Body">The data bytes after the header, exactly as many as the dimensions declare.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the uncompressed file (header and body).</param>
internal sealed record IdxData(string Path, int[] Dimensions, byte[] Body, string Sha256);
