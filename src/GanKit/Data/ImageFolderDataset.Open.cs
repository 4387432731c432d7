using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GanKit.Data;

// Opening: list the files in a fixed order, read their headers, assign classes.
public sealed partial class ImageFolderDataset
{
    /// <summary>Lists and checks the images under <paramref name="folder"/>.</summary>
    /// <param name="folder">The root folder; searched recursively, hidden files and folders left out.</param>
    /// <param name="options">Size, colour, scaling, classes and error policy; null for the defaults.</param>
    /// <param name="logger">Receives a warning per skipped file and a summary; null for none.</param>
    /// <returns>A dataset the caller disposes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The folder holds no image file, or none that can be read; a file cannot be read and
    /// <see cref="UnreadableImagePolicy.Throw"/> is set; or class folders are asked for and an image
    /// lies directly in the root. The message names the folder or file.
    /// </exception>
    public static ImageFolderDataset Open(string folder, ImageFolderOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var settings = (options ?? new ImageFolderOptions()).Clone();
        settings.Validate();
        logger ??= NullLogger.Instance;
        string root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The image folder '{root}' does not exist.");
        }

        var candidates = ListImageFiles(root);
        if (candidates.Count == 0)
        {
            throw new InvalidDataException($"The image folder '{root}' holds no PNG, JPEG, BMP, GIF or WebP file (searched recursively, hidden files left out).");
        }

        if (settings.ClassFolders)
        {
            string? loose = candidates.FirstOrDefault(c => !c.Contains('/', StringComparison.Ordinal));
            if (loose is not null)
            {
                throw new InvalidDataException($"ClassFolders is set, so every image must lie in a class subfolder of '{root}', but '{loose}' lies directly in it.");
            }
        }

        var decoder = new ImageFileDecoder(settings);
        var failures = Check(root, candidates, decoder, settings.UnreadableFiles == UnreadableImagePolicy.Skip);
        var skipped = new List<string>();
        var kept = new List<string>();
        for (int i = 0; i < candidates.Count; i++)
        {
            if (failures[i] is null)
            {
                kept.Add(candidates[i]);
                continue;
            }

            if (settings.UnreadableFiles == UnreadableImagePolicy.Throw)
            {
                ExceptionDispatchInfo.Throw(failures[i]!);
            }

            Log.ImageSkipped(logger, Path.Combine(root, candidates[i]), failures[i]!.Message);
            skipped.Add(candidates[i]);
        }

        if (kept.Count == 0)
        {
            throw new InvalidDataException($"The image folder '{root}' holds {candidates.Count} image files but none can be read; the first, '{candidates[0]}': {failures[0]!.Message}");
        }

        string[] classNames = settings.ClassFolders
            ? kept.Select(ClassOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()
            : new[] { Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)) };
        var labelOf = classNames.Select((name, label) => (name, label)).ToDictionary(x => x.name, x => x.label, StringComparer.Ordinal);
        var entries = kept.Select(relative =>
        {
            string full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            var info = new FileInfo(full);
            int label = settings.ClassFolders ? labelOf[ClassOf(relative)] : 0;
            return new ImageEntry(relative, full, label, info.Length, info.LastWriteTimeUtc.Ticks);
        }).ToArray();

        Log.FolderOpened(logger, root, entries.Length, classNames.Length, skipped.Count);
        return new ImageFolderDataset(root, settings, decoder, entries, classNames, skipped, logger);
    }

    private static string ClassOf(string relativePath) => relativePath[..relativePath.IndexOf('/', StringComparison.Ordinal)];

    private static List<string> ListImageFiles(string root)
    {
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false };
        var files = Directory.EnumerateFiles(root, "*", enumeration)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        // Ordinal order of relative paths: independent of the file system's listing order and of culture.
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Reads every header (and, when skipping, decodes every file) on all cores; null where a file is fine.</summary>
    private static InvalidDataException?[] Check(string root, List<string> relativePaths, ImageFileDecoder decoder, bool decodeFully)
    {
        var failures = new InvalidDataException?[relativePaths.Count];
        Parallel.For(
            0,
            relativePaths.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => decodeFully ? new float[decoder.ValuesPerImage] : Array.Empty<float>(),
            (i, _, scratch) =>
            {
                string full = Path.Combine(root, relativePaths[i].Replace('/', Path.DirectorySeparatorChar));
                try
                {
                    if (decodeFully)
                    {
                        decoder.Decode(full, scratch);
                    }
                    else
                    {
                        decoder.CheckHeader(full);
                    }
                }
                catch (InvalidDataException e)
                {
                    failures[i] = e;
                }

                return scratch;
            },
            _ => { });
        return failures;
    }
}
