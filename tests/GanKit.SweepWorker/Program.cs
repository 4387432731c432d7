using System.Globalization;
using System.Text.Json;
using GanKit.Sweeps;

// A sweep worker whose "training" is a short sleep, so tests can run several real worker
// processes against one folder and kill one mid-run. Each execution leaves a marker file named
// after this process, which is how the tests count executions per run.
//
// Usage: GanKit.SweepWorker <sweep-dir> [--sleep-ms N] [--hang RUN-ID] [--fail RUN-ID]
//                           [--lease-ms N] [--poll-ms N] [--shard I/N] [--gate DIR]
// --gate: report ready by writing DIR/ready-<pid>, then start only once DIR/go exists, so tests
// can start several workers at the same moment despite uneven process start-up times.
string directory = args[0];
int sleepMs = 100;
string? hang = null;
string? fail = null;
string? gate = null;
var options = new SweepRunnerOptions { PollInterval = TimeSpan.FromMilliseconds(100) };
for (int i = 1; i < args.Length; i += 2)
{
    string value = args[i + 1];
    switch (args[i])
    {
        case "--sleep-ms": sleepMs = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--hang": hang = value; break;
        case "--fail": fail = value; break;
        case "--lease-ms": options.LeaseTimeout = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--poll-ms": options.PollInterval = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--shard": options.Shard = SweepShard.Parse(value); break;
        case "--gate": gate = value; break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

if (gate is not null)
{
    File.WriteAllText(Path.Combine(gate, $"ready-{Environment.ProcessId}"), string.Empty);
    while (!File.Exists(Path.Combine(gate, "go")))
    {
        Thread.Sleep(10);
    }
}

var plan = new SweepFolder(directory).ReadPlan();
var runner = new SweepRunner(options);
var result = runner.Run(plan, directory, (run, runDirectory, token) =>
{
    string checkpoint = Path.Combine(runDirectory, "checkpoint.txt");
    bool resumed = File.Exists(checkpoint);
    File.WriteAllText(Path.Combine(runDirectory, $"executed-{Environment.ProcessId}-{Guid.NewGuid():N}.txt"), resumed ? "resumed" : "fresh");
    File.WriteAllText(checkpoint, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    Console.WriteLine($"started {run.Id}");
    Console.Out.Flush();
    if (run.Id == hang)
    {
        Thread.Sleep(Timeout.Infinite);
    }

    Thread.Sleep(sleepMs);
    if (run.Id == fail)
    {
        return SweepRunResult.Failure("diverged on purpose");
    }

    var summary = new Dictionary<string, object>
    {
        ["fid"] = 10.0 + run.Number,
        ["kid"] = 0.01 * (run.Number + 1),
        ["classifier_score"] = 5.0 + run.Seed,
        ["precision"] = 0.5,
        ["recall"] = 0.25,
        ["resumed"] = resumed,
        ["pid"] = Environment.ProcessId,
    };
    File.WriteAllText(Path.Combine(runDirectory, SweepSummary.FileName), JsonSerializer.Serialize(summary));
    return SweepRunResult.Success();
});

Console.WriteLine(JsonSerializer.Serialize(result));
return 0;
