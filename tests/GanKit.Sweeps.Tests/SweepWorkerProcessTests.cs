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
    /// <summary>The one metric the worker's stand-in summaries hold.</summary>
    private static readonly IReadOnlyList<SweepMetric> Fid = [Metrics[0]];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, System.Text.StringBuilder> Outputs = new();

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
            folder.Inspect(run, Fid, TimeSpan.FromMinutes(1)).State.Should().Be(SweepRunState.Finished);
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

        folder.Inspect(victim, Fid, TimeSpan.FromHours(1)).State.Should().Be(SweepRunState.Interrupted,
            "a dead process on this host no longer holds its claim, even with a long lease");

        // A long lease: the takeover must come from seeing the process dead, not from waiting.
        using var next = Start(directory, "--sleep-ms", "10", "--lease-ms", "3600000");
        Finish(next).Should().Be(0);

        var summary = ReadSummary(victimDirectory);
        summary.GetProperty("resumed").GetBoolean().Should().BeTrue("the new worker found the killed one's checkpoint");
        Directory.GetFiles(victimDirectory, "claim-*.json").Should().HaveCount(2);
        plan.Runs.Should().OnlyContain(r => folder.Inspect(r, Fid, TimeSpan.FromHours(1)).State == SweepRunState.Finished);
    }

    [Fact]
    public void Workers_whose_shards_are_done_take_the_runs_of_a_shard_without_a_worker()
    {
        // Three shards, two workers: shard 2's worker was cancelled or never started.
        string directory = NewDirectory();
        var plan = Parse("""{ "architectures": ["original", "modified"], "seeds": [1, 2, 3, 4, 5, 6], "epochs": 1 }""").Expand();
        var folder = new SweepFolder(directory);
        folder.Initialize(plan);

        string gate = NewDirectory();
        var workers = new[] { "0/3", "1/3" }.Select(shard => Start(directory, "--sleep-ms", "100", "--gate", gate, "--shard", shard)).ToArray();
        WaitUntil(() => Directory.GetFiles(gate, "ready-*").Length == 2, TimeSpan.FromSeconds(60));
        File.WriteAllText(Path.Combine(gate, "go"), string.Empty);
        foreach (var worker in workers)
        {
            Finish(worker).Should().Be(0);
        }

        foreach (var run in plan.Runs)
        {
            Directory.GetFiles(folder.RunDirectory(run), "executed-*.txt").Should().ContainSingle($"{run.Id} must be executed exactly once");
            folder.Inspect(run, Fid, TimeSpan.FromMinutes(1)).State.Should().Be(SweepRunState.Finished);
        }

        var summaries = plan.Runs.Select(r => (Run: r, Summary: ReadSummary(folder.RunDirectory(r)))).ToArray();
        summaries.Where(s => s.Run.Number % 3 == 2).Should().OnlyContain(s => s.Summary.GetProperty("stolen").GetBoolean(), "shard 2 had no worker of its own");
        var shardOfWorker = new Dictionary<int, int>
        {
            [workers[0].Id] = 0,
            [workers[1].Id] = 1,
        };
        foreach (var byWorker in summaries.GroupBy(s => s.Summary.GetProperty("pid").GetInt32()))
        {
            // Static mod N first: every run of the worker's own shard comes before any it took.
            var inOrder = byWorker.OrderBy(s => s.Summary.GetProperty("sequence").GetInt32()).Select(s => s.Run.Number % 3 == shardOfWorker[byWorker.Key]).ToArray();
            inOrder.SkipWhile(own => own).Should().OnlyContain(own => !own, $"worker {byWorker.Key} did its own shard first");
        }
    }

    [Fact]
    public void A_worker_frozen_past_its_lease_stops_when_it_wakes_and_leaves_the_run_to_its_new_owner()
    {
        string directory = NewDirectory();
        var plan = Parse("""{ "architectures": ["original"], "seeds": [1], "epochs": 1 }""").Expand();
        var folder = new SweepFolder(directory);
        folder.Initialize(plan);
        string runDirectory = folder.RunDirectory(plan.Runs[0]);

        // 30 steps of 100 ms, a lease of 1.5 s: frozen for 3 s, the first worker loses the run.
        using var frozen = Start(directory, "--sleep-ms", "100", "--steps", "30", "--lease-ms", "1500");
        WaitUntil(() => File.Exists(Path.Combine(runDirectory, "checkpoint.txt")), TimeSpan.FromSeconds(60));
        Signal("STOP", frozen.Id);
        Thread.Sleep(TimeSpan.FromSeconds(3));
        using var next = Start(directory, "--sleep-ms", "100", "--steps", "30", "--lease-ms", "1500");
        WaitUntil(() => File.Exists(Path.Combine(runDirectory, "claim-0002.json")), TimeSpan.FromSeconds(60));
        Signal("CONT", frozen.Id);

        Finish(frozen).Should().Be(0);
        Finish(next).Should().Be(0);

        ReadSummary(runDirectory).GetProperty("pid").GetInt32().Should().Be(next.Id, "only the new owner finishes the run");
        File.Exists(Path.Combine(runDirectory, "failed.json")).Should().BeFalse();
        folder.Inspect(plan.Runs[0], Fid, TimeSpan.FromMinutes(1)).State.Should().Be(SweepRunState.Finished);
        Output(frozen).Should().Contain("\"Lost\":1", "the frozen worker reports the run as lost, not as done or failed");
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        kill.ExitCode.Should().Be(0);
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
        var output = Outputs.GetOrAdd(process.Id, _ => new System.Text.StringBuilder());
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>What a worker started by <see cref="Start"/> printed so far.</summary>
    private static string Output(Process process)
    {
        var output = Outputs[process.Id];
        lock (output)
        {
            return output.ToString();
        }
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
        process.WaitForExit();
        errors.Should().BeEmpty();
        return process.ExitCode;
    }

    private static JsonElement ReadSummary(string runDirectory) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, SweepRunContext.SummaryFileName))).RootElement;

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
