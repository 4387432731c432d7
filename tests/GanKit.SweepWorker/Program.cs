using System.Globalization;
using System.Text.Json;
using GanKit.Sweeps;

// A sweep worker whose "training" is a few short sleeps ("steps"), so tests can run several real
// worker processes against one folder, kill one mid-run or freeze it. Each execution leaves a
// marker file named after this process, which is how the tests count executions per run.
//
// Usage: GanKit.SweepWorker <sweep-dir> [--sleep-ms N] [--steps N] [--hang RUN-ID|NUMBER] [--fail RUN-ID]
//                           [--lease-ms N] [--poll-ms N] [--shard I/N] [--gate DIR] [--no-steal] [--seeds N]
// --seeds: a folder without a plan gets one of N runs (seeds 1..N, nothing else), so a script can
// start workers on an empty folder.
// --gate: report ready by writing DIR/ready-<pid>, then start only once DIR/go exists, so tests
// can start several workers at the same moment despite uneven process start-up times.
// Before every step's "checkpoint" the worker asks whether it still owns the run, as a real host
// does from its trainer's step event.
string directory = args[0];
int sleepMs = 100;
int steps = 1;
string? hang = null;
string? fail = null;
string? gate = null;
int seeds = 0;
var options = new SweepRunnerOptions { PollInterval = TimeSpan.FromMilliseconds(100), Metrics = [new SweepMetric("fid", "FID", higherIsBetter: false)] };
for (int i = 1; i < args.Length; i++)
{
    string Value() => args[++i];
    switch (args[i])
    {
        case "--sleep-ms": sleepMs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--steps": steps = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--hang": hang = Value(); break;
        case "--fail": fail = Value(); break;
        case "--lease-ms": options.LeaseTimeout = TimeSpan.FromMilliseconds(int.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--poll-ms": options.PollInterval = TimeSpan.FromMilliseconds(int.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--shard": options.Shard = SweepShard.Parse(Value()); break;
        case "--gate": gate = Value(); break;
        case "--no-steal": options.StealWork = false; break;
        case "--seeds": seeds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
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

var plan = seeds > 0 && !File.Exists(Path.Combine(directory, SweepPlan.FileName))
    ? SweepDefinition.Parse($"{{ \"seeds\": [{string.Join(", ", Enumerable.Range(1, seeds))}] }}", new SweepSchema([]), "seeds").Expand()
    : SweepPlan.Load(directory);
var runner = new SweepRunner(options);
int sequence = 0;
var result = runner.Run(plan, directory, context =>
{
    var run = context.Run;
    string checkpoint = Path.Combine(context.Directory, "checkpoint.txt");
    bool resumed = File.Exists(checkpoint);
    File.WriteAllText(Path.Combine(context.Directory, $"executed-{Environment.ProcessId}-{Guid.NewGuid():N}.txt"), resumed ? "resumed" : "fresh");
    Console.WriteLine($"started {run.Id}");
    Console.Out.Flush();
    for (int step = 1; step <= steps; step++)
    {
        context.ThrowIfClaimLost();
        File.WriteAllText(checkpoint, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} step {step}"));
        if (run.Id == hang || run.Number.ToString(CultureInfo.InvariantCulture) == hang)
        {
            Thread.Sleep(Timeout.Infinite);
        }

        Thread.Sleep(sleepMs);
    }

    if (run.Id == fail)
    {
        return SweepRunResult.Failure("diverged on purpose");
    }

    context.ThrowIfClaimLost();
    var summary = new Dictionary<string, object>
    {
        ["fid"] = 10.0 + run.Number,
        ["resumed"] = resumed,
        ["pid"] = Environment.ProcessId,
        ["sequence"] = sequence++,
        ["stolen"] = context.IsFromOtherShard,
    };
    File.WriteAllText(context.SummaryPath, JsonSerializer.Serialize(summary));
    return SweepRunResult.Success();
});

Console.WriteLine(JsonSerializer.Serialize(result));
return 0;
