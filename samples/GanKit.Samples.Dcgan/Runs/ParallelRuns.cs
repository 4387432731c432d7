using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>
/// Trains the runs of a comparison in child processes, at most N at once: each child is this sample's
/// own <c>train</c> command, so every run keeps its own random stream (threads in one process would
/// share torch's) and ends exactly as it would alone. Its output goes to <c>train.log</c> in its folder.
/// </summary>
internal static class ParallelRuns
{
    /// <summary>The file in each run folder that receives the child's output.</summary>
    public const string LogFileName = "train.log";

    /// <summary>The <c>train</c> command line that repeats <paramref name="run"/> with <paramref name="training"/>.</summary>
    public static IReadOnlyList<string> TrainArguments(FinishedRun run, bool resume, TrainingSettings training)
    {
        var args = new List<string>
        {
            "train", "--arch", run.Arch, "--seed", Invariant(run.Seed), "--out", run.Folder,
            "--epochs", Invariant(training.Epochs), "--batch-size", Invariant(training.BatchSize),
            "--lr", training.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            "--device", training.Device, "--eval-samples", Invariant(training.EvalSamples),
        };
        if (run.Conditional)
        {
            args.Add("--conditional");
        }

        if (training.MaxBatches is { } maxBatches)
        {
            args.AddRange(["--max-batches", Invariant(maxBatches)]);
        }

        if (training.DataDirectory is { } data)
        {
            args.AddRange(["--data", data]);
        }

        if (resume)
        {
            args.Add("--resume");
        }

        return args;
    }

    /// <summary>Runs every pending run, <paramref name="parallel"/> at a time; returns the runs that failed.</summary>
    /// <param name="pending">Each run and whether it resumes from a checkpoint.</param>
    /// <param name="training">The shared training settings.</param>
    /// <param name="parallel">Children at once.</param>
    /// <param name="progress">One progress line per run, in the order of <paramref name="pending"/>.</param>
    /// <param name="cancellationToken">Stops starting new children; running ones get Ctrl+C from the terminal themselves and checkpoint.</param>
    public static IReadOnlyList<FinishedRun> Run(IReadOnlyList<(FinishedRun Run, bool Resume)> pending, TrainingSettings training, int parallel, IReadOnlyList<IRunProgress> progress, CancellationToken cancellationToken)
    {
        var failed = new List<FinishedRun>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel };
        Parallel.For(0, pending.Count, options, i =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var (run, resume) = pending[i];
            string log = Path.Combine(run.Folder, LogFileName);
            progress[i].Note($"{run.Label}: started in its own process; output in {log}");
            var clock = Stopwatch.StartNew();
            int code = RunChild(TrainArguments(run, resume, training), log);
            progress[i].Note(string.Create(CultureInfo.InvariantCulture, $"{run.Label}: {(code == 0 ? "finished" : $"FAILED with exit code {code}")} after {clock.Elapsed.TotalMinutes:0.0} min"));
            if (code != 0)
            {
                lock (failed)
                {
                    failed.Add(run);
                }
            }
        });
        cancellationToken.ThrowIfCancellationRequested();
        return failed;
    }

    private static int RunChild(IReadOnlyList<string> args, string logPath)
    {
        var start = SelfStartInfo();
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        using var process = Process.Start(start) ?? throw new IOException($"Could not start '{start.FileName}'.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    // This sample again: its own apphost, or 'dotnet <this assembly>' when started through dotnet.
    private static ProcessStartInfo SelfStartInfo()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown, so it cannot start copies of itself; use --parallel 1.");
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            var start = new ProcessStartInfo(host);
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            return start;
        }

        return new ProcessStartInfo(host);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
