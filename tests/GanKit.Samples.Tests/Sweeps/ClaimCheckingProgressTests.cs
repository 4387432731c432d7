using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Sweeps;
using GanKit.Sweeps;
using GanKit.TestSupport;

namespace GanKit.Samples.Tests.Sweeps;

/// <summary>
/// The sweep host hands the trainer a progress display that asks, at every step and note, whether
/// this worker still owns its run; a worker whose run was taken over must stop there.
/// </summary>
public class ClaimCheckingProgressTests
{
    [Fact]
    public void A_step_after_the_run_was_taken_over_stops_the_run_before_the_display_sees_it()
    {
        using var folder = new TempDirectory();
        var plan = SweepDefinition.Parse("""{ "architectures": ["original"], "seeds": [1], "epochs": 1 }""", DcganSweepSchema.Schema).Expand();
        var inner = new Recording();
        var options = new SweepRunnerOptions { Metrics = DcganSweepSchema.Metrics, LeaseTimeout = TimeSpan.FromMilliseconds(500) };

        var result = new SweepRunner(options).Run(plan, folder.Path, context =>
        {
            var progress = new ClaimCheckingProgress(inner, context);
            progress.Report(Step(1));
            progress.Note("epoch 1 done");

            // Another worker takes the run over while this one is frozen for more than two heartbeats.
            File.WriteAllText(Path.Combine(context.Directory, "claim-0002.json"), $$"""{ "token": "other", "host": "another-node", "pid": 7, "claimedUtc": "{{DateTime.UtcNow:O}}", "released": null }""");
            Thread.Sleep(400);
            progress.Report(Step(2));
            File.WriteAllText(context.SummaryPath, "{}");
            return SweepRunResult.Success();
        });

        result.Lost.Should().Be(1);
        result.Completed.Should().Be(0);
        inner.Steps.Should().Equal(1);
        inner.Notes.Should().Equal("epoch 1 done");
        string run = Directory.GetDirectories(Path.Combine(folder.Path, "runs")).Single();
        File.Exists(Path.Combine(run, "summary.json")).Should().BeFalse("the run stopped at the step after it was lost");
        File.Exists(Path.Combine(run, "failed.json")).Should().BeFalse("a lost run is the new owner's, not a failure");
    }

    private static ProgressSnapshot Step(long step) => new(1, 1, step, 10, double.NaN, double.NaN);

    private sealed class Recording : IRunProgress
    {
        public List<long> Steps { get; } = [];

        public List<string> Notes { get; } = [];

        public void Report(ProgressSnapshot snapshot) => Steps.Add(snapshot.Step);

        public void Note(string message) => Notes.Add(message);
    }
}
