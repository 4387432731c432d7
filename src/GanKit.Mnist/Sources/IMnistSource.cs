namespace GanKit.Mnist.Sources;

/// <summary>One place missing IDX files can be fetched from.</summary>
internal interface IMnistSource
{
    /// <summary>Gets a short description for logs and error messages.</summary>
    string Description { get; }

    /// <summary>
    /// Fetches as many of <paramref name="fileNames"/> as it can into <paramref name="directory"/>.
    /// Each file appears there only complete and verified (see <see cref="VerifiedFile"/>).
    /// </summary>
    /// <exception cref="Exception">Any failure; the caller records its message and tries the next source.</exception>
    Task FetchAsync(IReadOnlyList<string> fileNames, string directory, CancellationToken cancellationToken);
}
