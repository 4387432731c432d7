namespace GanKit.Runtime;

/// <summary>Where native libraries lie: next to the application, on the search path, or mapped into this process.</summary>
internal static class NativeLibraries
{
    /// <summary>Whether <paramref name="fileName"/> is a build of the library <paramref name="stem"/> (<c>libtorch_cpu.so.2.6</c>, <c>torch_cpu.dll</c>, ...).</summary>
    public static bool Is(string fileName, string stem) =>
        fileName.StartsWith("lib" + stem + ".", StringComparison.Ordinal) || fileName.StartsWith(stem + ".", StringComparison.Ordinal);

    /// <summary>Whether a file matching <paramref name="match"/> lies in <paramref name="directory"/> or its <c>runtimes/*/native</c> folders.</summary>
    public static bool NextTo(string directory, Func<string, bool> match)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                return false;
            }

            if (Directory.EnumerateFiles(directory).Select(Path.GetFileName).Any(n => match(n!)))
            {
                return true;
            }

            string runtimes = Path.Combine(directory, "runtimes");
            return Directory.Exists(runtimes) && Directory.EnumerateDirectories(runtimes)
                .Select(rid => Path.Combine(rid, "native"))
                .Where(Directory.Exists)
                .Any(native => Directory.EnumerateFiles(native).Select(Path.GetFileName).Any(n => match(n!)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The first folder of <paramref name="searchPath"/> that holds a build of <paramref name="stem"/>, or null.</summary>
    public static string? OnSearchPath(string? searchPath, string stem)
    {
        if (string.IsNullOrEmpty(searchPath))
        {
            return null;
        }

        foreach (string folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                if (Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => Is(Path.GetFileName(f), stem)))
                {
                    return folder;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder holds nothing the loader could use either.
            }
        }

        return null;
    }

    /// <summary>The path of the first mapped file named like <paramref name="stem"/> in a <c>/proc/self/maps</c> text, or null.</summary>
    public static string? MappedIn(IEnumerable<string> mapsLines, string stem)
    {
        foreach (string line in mapsLines)
        {
            int at = line.IndexOf('/', StringComparison.Ordinal);
            if (at >= 0 && Is(Path.GetFileName(line[at..].Trim()), stem))
            {
                return line[at..].Trim();
            }
        }

        return null;
    }

    /// <summary>The path of the loaded library <paramref name="stem"/>, read from <c>/proc/self/maps</c>; null off Linux or when it is not loaded.</summary>
    public static string? Loaded(string stem)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return MappedIn(File.ReadLines("/proc/self/maps"), stem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
