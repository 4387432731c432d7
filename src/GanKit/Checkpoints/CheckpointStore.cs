using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GanKit.Checkpoints;

/// <summary>
/// A folder of checkpoints, one sub-folder each, that survives a crash at any moment: a checkpoint
/// is written under a temporary name and renamed into place only once every file and its
/// SHA-256 manifest are on disk, and discovery skips (with a warning) any folder that fails its
/// manifest.
/// </summary>
public sealed partial class CheckpointStore
{
    /// <summary>The default number of checkpoints kept.</summary>
    public const int DefaultKeepLast = 3;

    /// <summary>The manifest's file name inside each checkpoint folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The manifest layout this release writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string TemporaryPrefix = ".tmp-";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly ILogger _logger;

    /// <summary>Opens (without creating) a checkpoint folder.</summary>
    /// <param name="root">The folder holding the checkpoints; created on the first save.</param>
    /// <param name="keepLast">How many of the newest checkpoints a save keeps; at least 1.</param>
    /// <param name="logger">Receives warnings about skipped checkpoints; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepLast"/> is below 1.</exception>
    public CheckpointStore(string root, int keepLast = DefaultKeepLast, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (keepLast < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(keepLast), keepLast, $"keepLast must be at least 1; got {keepLast}.");
        }

        Root = Path.GetFullPath(root);
        KeepLast = keepLast;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the folder holding the checkpoints.</summary>
    public string Root { get; }

    /// <summary>Gets how many of the newest checkpoints a save keeps.</summary>
    public int KeepLast { get; }

    /// <summary>The folder name of the checkpoint at <paramref name="epoch"/> and <paramref name="step"/>.</summary>
    /// <param name="epoch">Completed epochs.</param>
    /// <param name="step">Training steps (batches trained, one discriminator update each) so far.</param>
    /// <returns>A name such as <c>epoch-0003-step-00000705</c>, which sorts in training order.</returns>
    public static string FolderName(int epoch, long step) =>
        string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D4}-step-{step:D8}");

    /// <summary>
    /// Writes a checkpoint: <paramref name="writeFiles"/> fills a temporary folder, the manifest is
    /// added, the folder is renamed into place, and all but the newest <see cref="KeepLast"/>
    /// checkpoints are deleted.
    /// </summary>
    /// <param name="epoch">Completed epochs; not negative.</param>
    /// <param name="step">Training steps (batches trained, one discriminator update each) so far; not negative.</param>
    /// <param name="writeFiles">Writes the checkpoint's files (flat, no sub-folders) into the folder it is given.</param>
    /// <returns>The verified checkpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="writeFiles"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> or <paramref name="step"/> is negative.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="writeFiles"/> wrote no file, a sub-folder, or a file named like the manifest.</exception>
    /// <exception cref="IOException">The disk refused a write or the rename.</exception>
    public CheckpointInfo Save(int epoch, long step, Action<string> writeFiles)
    {
        ArgumentNullException.ThrowIfNull(writeFiles);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        Directory.CreateDirectory(Root);
        RemoveAbandonedTemporaries();

        string name = FolderName(epoch, step);
        string temporary = Path.Combine(Root, TemporaryName(name));
        Directory.CreateDirectory(temporary);
        try
        {
            writeFiles(temporary);
            if (Directory.EnumerateDirectories(temporary).Any())
            {
                throw new InvalidOperationException($"A checkpoint holds files only; the writer created a sub-folder in '{temporary}'.");
            }

            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (string file in Directory.EnumerateFiles(temporary))
            {
                string fileName = Path.GetFileName(file);
                if (fileName == ManifestFileName)
                {
                    throw new InvalidOperationException($"The checkpoint writer may not write '{ManifestFileName}'; the store writes it.");
                }

                files[fileName] = HashAndSync(file);
            }

            if (files.Count == 0)
            {
                throw new InvalidOperationException("The checkpoint writer wrote no files.");
            }

            var manifest = new CheckpointManifest(FormatVersion, epoch, step, DateTimeOffset.UtcNow, files);
            string manifestPath = Path.Combine(temporary, ManifestFileName);
            using (var stream = new FileStream(manifestPath, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, manifest, JsonOptions);
                stream.Flush(flushToDisk: true);
            }

            string final = Path.Combine(Root, name);
            if (Directory.Exists(final))
            {
                // The same epoch and step saved twice (a cancelled run resumed and cancelled again
                // before its next step): the new copy replaces the old one.
                string retired = Path.Combine(Root, TemporaryName("retired-" + name));
                Directory.Move(final, retired);
                Directory.Delete(retired, recursive: true);
            }

            Directory.Move(temporary, final);
            Log.CheckpointSaved(_logger, final, epoch, step);
            Prune(final);
            return new CheckpointInfo(final, manifest);
        }
        catch
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }
    }

    /// <summary>
    /// Finds the newest checkpoint whose manifest parses, whose files all match their hashes and
    /// which holds nothing the manifest does not list. Each newer folder that fails is skipped with
    /// a warning naming the reason (the corrupt, missing or unlisted file).
    /// </summary>
    /// <returns>The newest valid checkpoint, or null when there is none.</returns>
    public CheckpointInfo? FindLatestValid() => FindValid().FirstOrDefault();

    /// <summary>
    /// Lists the valid checkpoints, newest first, verifying each only when the caller asks for it:
    /// a reader that cannot load the newest (written by another architecture, say) falls back to
    /// the next. Every folder that fails verification is skipped with a warning naming the reason.
    /// </summary>
    /// <returns>The valid checkpoints, newest first; empty when there is none.</returns>
    public IEnumerable<CheckpointInfo> FindValid()
    {
        foreach (var (directory, _, _) in Candidates(warnAboutStrays: true).OrderByDescending(c => c.Epoch).ThenByDescending(c => c.Step).ToList())
        {
            if (TryVerify(directory, out var info, out string? reason))
            {
                yield return info!;
            }
            else
            {
                Log.CheckpointSkipped(_logger, directory, reason!);
            }
        }
    }

    /// <summary>Checks one checkpoint folder against its manifest.</summary>
    /// <param name="directory">The checkpoint's folder.</param>
    /// <param name="info">The checkpoint when valid.</param>
    /// <param name="reason">Why it is not valid, otherwise null.</param>
    /// <returns>
    /// True when the manifest parses, every file it lists exists with the listed hash, and the folder
    /// holds no other file or sub-folder; false otherwise, with <paramref name="reason"/> naming the
    /// offending file.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static bool TryVerify(string directory, out CheckpointInfo? info, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(directory);
        info = null;
        string manifestPath = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            reason = $"'{ManifestFileName}' is missing";
            return false;
        }

        CheckpointManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(manifestPath), JsonOptions);
        }
        catch (JsonException e)
        {
            reason = $"'{ManifestFileName}' does not parse: {e.Message}";
            return false;
        }

        if (manifest?.Files is null || manifest.Files.Count == 0)
        {
            reason = $"'{ManifestFileName}' lists no files";
            return false;
        }

        if (manifest.FormatVersion != FormatVersion)
        {
            reason = $"format version {manifest.FormatVersion} is not {FormatVersion}";
            return false;
        }

        // A file the manifest does not list was never hashed, so nothing vouches for it: a reader
        // that picked it up (a stray weights file copied in by hand) would load unverified bytes.
        foreach (string entry in Directory.EnumerateFileSystemEntries(directory).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal))
        {
            if (entry != ManifestFileName && !manifest.Files.ContainsKey(entry))
            {
                reason = $"'{entry}' is not in '{ManifestFileName}'";
                return false;
            }
        }

        foreach (var (fileName, expected) in manifest.Files)
        {
            string path = Path.Combine(directory, fileName);
            if (fileName.Contains('/') || fileName.Contains('\\') || !File.Exists(path))
            {
                reason = $"'{fileName}' is missing";
                return false;
            }

            string actual = Hash(path);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                reason = $"'{fileName}' has SHA-256 {actual}, the manifest says {expected}";
                return false;
            }
        }

        info = new CheckpointInfo(Path.GetFullPath(directory), manifest);
        reason = null;
        return true;
    }

    /// <summary>Whether the folder holds any checkpoint folder, valid or not (temporaries aside).</summary>
    /// <returns>True when at least one checkpoint folder exists.</returns>
    public bool HasCheckpoints() => Candidates().Any();

    // The checkpoint just written always stays, even when unreadable leftovers of an abandoned
    // run carry higher epoch numbers.
    private void Prune(string keep)
    {
        var stale = Candidates()
            .Where(c => c.Directory != keep)
            .OrderByDescending(c => c.Epoch)
            .ThenByDescending(c => c.Step)
            .Skip(KeepLast - 1)
            .ToList();
        foreach (var (directory, _, _) in stale)
        {
            Directory.Delete(directory, recursive: true);
            Log.CheckpointPruned(_logger, directory);
        }
    }

    // A temporary's name says who writes it, so clean-up can tell a live writer's folder (never
    // touched) from one abandoned by a crash: ".tmp-<host>-<pid>-<start time>-<name>-<guid>".
    private static string TemporaryName(string name) => TemporaryNameFor(RunFolderOwner.Current, name);

    /// <summary>The name of a temporary folder <paramref name="owner"/> writes checkpoint <paramref name="name"/> into.</summary>
    internal static string TemporaryNameFor(RunFolderOwner owner, string name)
    {
        return string.Create(CultureInfo.InvariantCulture, $"{TemporaryPrefix}{HostTag(owner.Host)}-{owner.ProcessId}-{owner.StartTime}-{name}-{Guid.NewGuid():N}");
    }

    private static string HostTag(string host) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(host.ToUpperInvariant())))[..8];

    // Removes this process's leftovers and those of writers known to be gone: same host and not
    // running, or any writer at all while this process holds the run folder (nobody else can
    // write it then). A temporary of a live writer, or of one on another host that cannot be
    // asked, stays: it is never valid, so discovery ignores it.
    private void RemoveAbandonedTemporaries()
    {
        bool holdsRunFolder = Path.GetDirectoryName(Root) is string runFolder && RunFolderLock.IsHeldByThisProcess(runFolder);
        string currentHost = HostTag(RunFolderOwner.Current.Host);
        foreach (string directory in Directory.EnumerateDirectories(Root, TemporaryPrefix + "*"))
        {
            string[] parts = Path.GetFileName(directory)[TemporaryPrefix.Length..].Split('-', 4);
            bool stale = holdsRunFolder;
            if (!stale && parts.Length == 4
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long start))
            {
                stale = parts[0] == currentHost && new RunFolderOwner(RunFolderOwner.Current.Host, pid, start, default).IsAlive() == false;
            }
            else if (!stale)
            {
                // Written before temporaries named their writer: no release still writes them.
                stale = true;
            }

            if (stale)
            {
                Log.TemporaryRemoved(_logger, directory);
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private IEnumerable<(string Directory, int Epoch, long Step)> Candidates(bool warnAboutStrays = false)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (string directory in Directory.EnumerateDirectories(Root))
        {
            string name = Path.GetFileName(directory);
            if (name.StartsWith(TemporaryPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var match = FolderPattern().Match(name);
            if (match.Success
                && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int epoch)
                && long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long step))
            {
                yield return (directory, epoch, step);
            }
            else if (warnAboutStrays)
            {
                // A folder copied in by hand or named by something else is none of ours: skip it, but say so.
                Log.StrayFolderIgnored(_logger, directory);
            }
        }
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string HashAndSync(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        string hash = Convert.ToHexStringLower(SHA256.HashData(stream));

        // The rename that publishes the checkpoint must not reach the disk before its contents.
        stream.Flush(flushToDisk: true);
        return hash;
    }

    [GeneratedRegex(@"^epoch-(\d{4,})-step-(\d{8,})$", RegexOptions.CultureInvariant)]
    private static partial Regex FolderPattern();
}
