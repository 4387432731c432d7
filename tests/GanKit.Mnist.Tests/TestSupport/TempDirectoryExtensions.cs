using GanKit.Mnist.Sources;
using GanKit.TestSupport;

namespace GanKit.Mnist.Tests.TestSupport;

/// <summary>What the MNIST tests ask of a temporary folder.</summary>
internal static class TempDirectoryExtensions
{
    /// <summary>The names of the files in the folder, sorted, ignoring the loader's lock file.</summary>
    public static string[] FileNames(this TempDirectory directory) => Directory.GetFiles(directory.Path)
        .Select(Path.GetFileName)
        .Where(name => name != DirectoryLock.FileName)
        .Order(StringComparer.Ordinal)
        .ToArray()!;
}
