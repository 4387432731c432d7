using System.Diagnostics;

namespace GanKit.Mnist.Tests.TestSupport;

/// <summary>
/// Lets this test assembly run as a program that loads the synthetic test split, so a test can
/// start two real processes loading into one folder at once.
/// </summary>
internal static class LoadProbe
{
    private const string Command = "load-probe";

    /// <summary>The entry point when the assembly runs as a program (<c>dotnet GanKit.Mnist.Tests.dll load-probe ...</c>).</summary>
    public static int Main(string[] args)
    {
        if (args is not [Command, var directory, var npmSearchPath])
        {
            Console.Error.WriteLine($"Usage: {Command} <directory> <npm search path>");
            return 64;
        }

        var options = new SyntheticMnist().Options(directory);
        options.UseNpm = true;
        options.NpmSearchPath = npmSearchPath;
        using var dataset = MnistDataset.Load(MnistSplit.Test, options);
        SyntheticMnist.ShouldMatch(dataset);
        Console.WriteLine($"loaded {dataset.Count}");
        return 0;
    }

    /// <summary>Starts this assembly as a child process running <see cref="Main"/>.</summary>
    public static Process Start(string directory, string npmSearchPath)
    {
        // The SDK tells child processes which dotnet host runs them; fall back to the one on PATH.
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "exec", typeof(LoadProbe).Assembly.Location, Command, directory, npmSearchPath })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{host}'.");
    }
}
