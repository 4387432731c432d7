using System.IO.Compression;
using System.Security.Cryptography;
using GanKit.Mnist.Idx;

namespace GanKit.Mnist.Sources;

/// <summary>Stores fetched bytes under their final name only once they are complete and verified.</summary>
/// <remarks>
/// Bytes go to a hidden temporary file in the target folder and are renamed into place with one
/// <see cref="File.Move(string, string, bool)"/>, which is atomic within a folder; so a reader never
/// sees a partial file, and a failed or cancelled fetch leaves nothing behind.
/// </remarks>
internal static class VerifiedFile
{
    /// <summary>Writes <paramref name="content"/> (gunzipped when it is gzip) as <paramref name="fileName"/> in <paramref name="directory"/>.</summary>
    /// <param name="content">The file's bytes, raw or gzip-compressed; read to its end.</param>
    /// <param name="directory">The target folder.</param>
    /// <param name="fileName">The final name (without <c>.gz</c>).</param>
    /// <param name="expectedSha256">Hex SHA-256 of the uncompressed bytes, or null to check only the IDX structure.</param>
    /// <param name="expectedSize">
    /// The uncompressed size, or null when unknown. It bounds both the bytes read (a gzip is never
    /// much larger than its content) and the bytes inflated, so a hostile or broken source cannot
    /// fill the disk before the hash check rejects it.
    /// </param>
    /// <param name="origin">Where the bytes came from, for error messages.</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <returns>The SHA-256 of the stored bytes.</returns>
    /// <exception cref="InvalidDataException">The hash differs, the bytes exceed <paramref name="expectedSize"/>, or (without a hash) the bytes are not a valid IDX file.</exception>
    public static async Task<string> StoreAsync(Stream content, string directory, string fileName, string? expectedSha256, long? expectedSize, string origin, CancellationToken cancellationToken)
    {
        string target = Path.Combine(directory, fileName);
        string temp = Path.Combine(directory, TemporaryPrefix(fileName) + $"{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            string actual;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true))
            {
                actual = await CopyHashedAsync(content, output, expectedSize, origin, cancellationToken).ConfigureAwait(false);
            }

            if (expectedSha256 is not null && !string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"{fileName} from {origin} has SHA-256 {actual}, expected {expectedSha256}; it was not stored.");
            }

            if (expectedSha256 is null)
            {
                // Without a hash the IDX structure is the only check; a file that fails it must not be cached.
                IdxReader.Read(temp, IdxReader.MagicForName(fileName));
            }

            File.Move(temp, target, overwrite: true);
            return actual;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Deletes the temporary files a killed fetch of <paramref name="fileNames"/> left in
    /// <paramref name="directory"/>. Call it only while holding the folder's lock: every fetch holds
    /// it, so any temporary found then is abandoned.
    /// </summary>
    /// <returns>The paths deleted.</returns>
    public static IReadOnlyList<string> RemoveAbandoned(string directory, IEnumerable<string> fileNames)
    {
        var removed = new List<string>();
        foreach (string name in fileNames)
        {
            foreach (string path in System.IO.Directory.EnumerateFiles(directory, TemporaryPrefix(name) + "*" + TemporarySuffix))
            {
                TryDelete(path);
                removed.Add(path);
            }
        }

        return removed;
    }

    /// <summary>Deletes a file if it exists, ignoring failures: used only for clean-up.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private const string TemporarySuffix = ".tmp";

    private static string TemporaryPrefix(string fileName) => $".{fileName}.";

    private static async Task<string> CopyHashedAsync(Stream content, Stream output, long? expectedSize, string origin, CancellationToken cancellationToken)
    {
        // Deflate never grows data by more than a few bytes per 16 KiB block, plus the gzip header.
        long? readLimit = expectedSize is long size ? size + (size / 1000) + (64 * 1024) : null;
        var buffered = new BufferedStream(readLimit is long limit ? new BoundedStream(content, limit, origin) : content, 1 << 16);
        var head = new byte[2];
        int got = await buffered.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        bool gzip = got == 2 && head[0] == 0x1F && head[1] == 0x8B;

        // Put the sniffed bytes back in front of the rest of the stream.
        Stream prefixed = new PrefixedStream(head.AsMemory(0, got), buffered);
        await using var raw = gzip ? new GZipStream(prefixed, CompressionMode.Decompress) : prefixed;

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        try
        {
            int n;
            long written = 0;
            while ((n = await raw.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                written += n;
                if (written > expectedSize)
                {
                    throw new InvalidDataException($"{origin} holds more than the {expectedSize} bytes the file has; it was not stored.");
                }

                hash.AppendData(buffer, 0, n);
                await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"The gzip data of {origin} is corrupt ({ex.Message}).", ex);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A read-only stream that fails once more than <c>limit</c> bytes were read from it.</summary>
    private sealed class BoundedStream(Stream inner, long limit, string origin) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            _read += n;
            return _read > limit
                ? throw new InvalidDataException($"{origin} sent more than {limit} bytes, more than the file can take even compressed; it was not stored.")
                : n;
        }
    }

    /// <summary>A read-only stream that yields some already-read bytes, then the rest of another stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.Length > 0)
            {
                int n = Math.Min(buffer.Length, _prefix.Length);
                _prefix.Span[..n].CopyTo(buffer);
                _prefix = _prefix[n..];
                return n;
            }

            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.Length > 0)
            {
                return Read(buffer.Span);
            }

            return await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
