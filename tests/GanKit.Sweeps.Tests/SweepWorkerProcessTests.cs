using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using GanKit.Sweeps;
using static GanKit.Sweeps.Tests.SweepTestSupport;

namespace GanKit.Sweeps.Tests;

/// <summary>
/// Real, separate worker processes on one sweep folder: what the claim files must survive on a
/// cluster, where workers share nothing but the file system.
/// </summary>
public sealed class SweepWorkerProcessTests
{
    private static readonly string WorkerPath = typeof(SweepWorkerProcessTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SweepWorkerPath").Value!;

    [Fact]
    public void Three_workers_on_one_folder_finish_every_run_exactly_once()
    {
        string directory = NewDirectory();
        var plan = Parse("""
            { "architectures": ["original", "modified"], "seeds": [1, 2, 3], "epochs": 1,
              "grid": { "loss": ["NonSaturating", "Hinge"] } }
            """).Expand();
        var folder = new SweepFolder(directory);
        folder.Initialize(plan);

        string gate = NewDirectory();
        var workers = Enumerable.Range(0, 3).Select(_ => Start(directory, "--sleep-ms", "150", "--gate", gate)).ToArray();
        WaitUntil(() => Directory.GetFiles(gate, "ready-*").Length == 3, TimeSpan.FromSeconds(60));
        File.WriteAllText(Path.Combine(gate, "go"), string.Empty);
        foreach (var worker in workers)
        {
            Finish(worker).Should().Be(0);
        }

        foreach (var run in plan.Runs)
        {
            string runDirectory = folder.RunDirectory(run);
            Directory.GetFiles(runDirectory, "executed-*.txt").Should().ContainSingle($"{run.Id} must be executed exactly once");
            folder.Inspect(run, SweepMetric.Defaults, TimeSpan.FromMinutes(1)).State.Should().Be(SweepRunState.Finished);
        }

        var pids = plan.Runs.Select(r => ReadSummary(folder.RunDirectory(r)).GetProperty("pid").GetInt32()).Distinct().ToArray();
        pids.Length.Should().BeGreaterThan(1, "the work was shared, not done by one worker while the others idled");
    }

    [Fact]
    public void A_killed_workers_run_is_resumed_by_the_next_worker()
    {
        string directory = NewDirectory();
        var plan = Parse("""{ "architectures": ["original"], "seeds": [1, 2, 3], "epochs": 1 }""").Expand();
        var folder = new SweepFolder(directory);
        folder.Initialize(plan);
        var victim = plan.Runs[1];
        string victimDirectory = folder.RunDirectory(victim);

        using (var doomed = Start(directory, "--sleep-ms", "10", "--hang", victim.Id))
        {
            WaitUntil(() => File.Exists(Path.Combine(victimDirectory, "checkpoint.txt")), TimeSpan.FromSeconds(60));
            doomed.Kill();
            doomed.WaitForExit();
        }

        folder.Inspect(victim, SweepMetric.Defaults, TimeSpan.FromHours(1)).State.Should().Be(SweepRunState.Interrupted,
            "a dead process on this host no longer holds its claim, even with a long lease");

        // A long lease: the takeover must come from seeing the process dead, not from waiting.
        using var next = Start(directory, "--sleep-ms", "10", "--lease-ms", "3600000");
        Finish(next).Should().Be(0);

        var summary = ReadSummary(victimDirectory);
        summary.GetProperty("resumed").GetBoolean().Should().BeTrue("the new worker found the killed one's checkpoint");
        Directory.GetFiles(victimDirectory, "claim-*.json").Should().HaveCount(2);
        plan.Runs.Should().OnlyContain(r => folder.Inspect(r, SweepMetric.Defaults, TimeSpan.FromHours(1)).State == SweepRunState.Finished);
    }

    private static Process Start(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(WorkerPath);
        info.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static int Finish(Process process)
    {
        string errors = string.Empty;
        var readErrors = Task.Run(() => errors = process.StandardError.ReadToEnd());
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            throw new TimeoutException("A sweep worker did not finish within 120 s.");
        }

        readErrors.Wait();
        errors.Should().BeEmpty();
        return process.ExitCode;
    }

    private static JsonElement ReadSummary(string runDirectory) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, SweepSummary.FileName))).RootElement;

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Condition not met within {timeout}.");
            }

            Thread.Sleep(20);
        }
    }
}
