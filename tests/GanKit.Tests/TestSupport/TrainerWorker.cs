using System.Diagnostics;
using System.Reflection;

namespace GanKit.Tests.TestSupport;

/// <summary>Starts tests/GanKit.TrainerWorker as a separate process and returns what it printed.</summary>
internal static class TrainerWorker
{
    private static readonly string WorkerPath = typeof(TrainerWorker).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TrainerWorkerPath").Value!;

    public static string[] Run(params string[] arguments) => Run(0, arguments);

    public static string[] Run(int expectedExitCode, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(WorkerPath);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            throw new TimeoutException($"The trainer worker did not finish within 120 s: {string.Join(' ', arguments)}");
        }

        process.ExitCode.Should().Be(expectedExitCode, $"the worker printed: {output.Result} {errors.Result}");
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
