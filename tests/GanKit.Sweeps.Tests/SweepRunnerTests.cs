using System.Collections.Concurrent;
using GanKit.Sweeps;
using static GanKit.Sweeps.Tests.SweepTestSupport;

namespace GanKit.Sweeps.Tests;

public sealed class SweepRunnerTests
{
    private readonly SweepPlan _plan = Parse(SmallSweep).Expand();
    private readonly string _directory = NewDirectory();

    [Fact]
    public void Run_executes_every_run_once_and_writes_run_files()
    {
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner().Run(_plan, _directory, Fake(executed));

        executed.Should().BeEquivalentTo(_plan.Runs.Select(r => r.Id));
        result.Completed.Should().Be(8);
        result.RunsInShard.Should().Be(8);
        var folder = new SweepFolder(_directory);
        foreach (var run in _plan.Runs)
        {
            File.ReadAllText(Path.Combine(folder.RunDirectory(run), SweepFolder.RunFileName)).Should().Contain(run.Id);
            folder.Inspect(run, SweepMetric.Defaults, TimeSpan.FromMinutes(1)).State.Should().Be(SweepRunState.Finished);
        }
    }

    [Fact]
    public void Run_skips_finished_runs_on_a_second_pass()
    {
        new SweepRunner().Run(_plan, _directory, Fake(new ConcurrentBag<string>()));
        var again = new ConcurrentBag<string>();

        var result = new SweepRunner().Run(_plan, _directory, Fake(again));

        again.Should().BeEmpty();
        result.AlreadyFinished.Should().Be(8);
        result.Completed.Should().Be(0);
    }

    [Fact]
    public void Run_does_only_its_shard()
    {
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner(new SweepRunnerOptions { Shard = new SweepShard(1, 3) }).Run(_plan, _directory, Fake(executed));

        executed.Should().BeEquivalentTo(_plan.Runs.Where(r => r.Number % 3 == 1).Select(r => r.Id));
        result.RunsInShard.Should().Be(3);
    }

    [Fact]
    public void Run_records_failures_and_does_not_retry_them_unless_asked()
    {
        var broken = _plan.Runs[2];
        var noSummary = _plan.Runs[5];
        SweepRunResult Executor(SweepRun run, string directory, CancellationToken token)
        {
            if (run.Id == broken.Id)
            {
                throw new InvalidOperationException("loss became NaN\nat step 3");
            }

            if (run.Id != noSummary.Id)
            {
                WriteSummary(directory, fid: run.Number);
            }

            return SweepRunResult.Success();
        }

        var first = new SweepRunner().Run(_plan, _directory, Executor);
        var folder = new SweepFolder(_directory);
        string? reason = folder.Inspect(broken, SweepMetric.Defaults, TimeSpan.FromMinutes(1)).Detail;
        var second = new SweepRunner().Run(_plan, _directory, Fake(new ConcurrentBag<string>()));
        var third = new SweepRunner(new SweepRunnerOptions { RetryFailed = true }).Run(_plan, _directory, Fake(new ConcurrentBag<string>()));

        first.Failed.Should().Be(2);
        first.Completed.Should().Be(6);
        reason.Should().Be("InvalidOperationException: loss became NaN at step 3", "a reason is one line");
        second.PreviouslyFailed.Should().Be(2);
        third.Completed.Should().Be(2);
        folder.Inspect(broken, SweepMetric.Defaults, TimeSpan.FromMinutes(1)).State.Should().Be(SweepRunState.Finished);
    }

    [Fact]
    public void Run_names_the_reason_of_a_failure()
    {
        var broken = _plan.Runs[2];
        var noSummary = _plan.Runs[5];
        new SweepRunner().Run(_plan, _directory, (run, directory, _) =>
        {
            if (run.Id == broken.Id)
            {
                return SweepRunResult.Failure("discriminator loss diverged");
            }

            if (run.Id != noSummary.Id)
            {
                WriteSummary(directory, fid: 1);
            }

            return SweepRunResult.Success();
        });

        var folder = new SweepFolder(_directory);
        var failed = folder.Inspect(broken, SweepMetric.Defaults, TimeSpan.FromMinutes(1));
        failed.State.Should().Be(SweepRunState.Failed);
        failed.Detail.Should().Be("discriminator loss diverged");
        folder.Inspect(noSummary, SweepMetric.Defaults, TimeSpan.FromMinutes(1)).Detail.Should().Contain("reported success but its summary is not valid").And.Contain("does not exist");
    }

    [Fact]
    public void Run_cancelled_releases_the_claim_and_the_next_worker_resumes()
    {
        using var cancellation = new CancellationTokenSource();
        var target = _plan.Runs[3];
        var events = new List<SweepRunEvent>();
        var firstResult = new SweepRunner(new SweepRunnerOptions { Progress = new Synchronous(events) }).Run(_plan, _directory, (run, directory, token) =>
        {
            if (run.Id == target.Id)
            {
                File.WriteAllText(Path.Combine(directory, "checkpoint.txt"), "step 1");
                cancellation.Cancel();
                token.ThrowIfCancellationRequested();
            }

            WriteSummary(directory, fid: 1);
            return SweepRunResult.Success();
        }, cancellation.Token);

        firstResult.Cancelled.Should().BeTrue();
        firstResult.Completed.Should().Be(3);
        events.Last().Kind.Should().Be(SweepRunEventKind.Cancelled);
        new SweepFolder(_directory).Inspect(target, SweepMetric.Defaults, TimeSpan.FromHours(1)).State.Should().Be(SweepRunState.Interrupted);

        events.Clear();
        bool sawCheckpoint = false;
        var second = new SweepRunner(new SweepRunnerOptions { Progress = new Synchronous(events) }).Run(_plan, _directory, (run, directory, _) =>
        {
            sawCheckpoint |= run.Id == target.Id && File.Exists(Path.Combine(directory, "checkpoint.txt"));
            WriteSummary(directory, fid: 1);
            return SweepRunResult.Success();
        });

        sawCheckpoint.Should().BeTrue();
        second.Completed.Should().Be(5);
        events.Single(e => e.Run.Id == target.Id && e.Kind is SweepRunEventKind.Started or SweepRunEventKind.Resumed).Kind.Should().Be(SweepRunEventKind.Resumed);
    }

    [Fact]
    public void Run_waits_for_a_run_held_by_a_live_worker_and_takes_it_over_when_its_lease_ends()
    {
        var held = _plan.Runs[0];
        string heldDirectory = new SweepFolder(_directory).RunDirectory(held);
        Directory.CreateDirectory(heldDirectory);
        string claim = SweepClaimTests.WriteForeignClaim(heldDirectory, 1, "another-node", 42, DateTime.UtcNow, released: null, startUtc: null);
        var lease = TimeSpan.FromSeconds(1);
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner(new SweepRunnerOptions { LeaseTimeout = lease, PollInterval = TimeSpan.FromMilliseconds(100) })
            .Run(_plan, _directory, Fake(executed));

        executed.Should().Contain(held.Id);
        result.Completed.Should().Be(8);
        result.HeldElsewhere.Should().Be(0);
        File.Exists(Path.Combine(heldDirectory, "claim-0002.json")).Should().BeTrue();
        File.Exists(claim).Should().BeTrue();
    }

    [Fact]
    public void Run_without_waiting_leaves_held_runs_to_their_holder()
    {
        var held = _plan.Runs[0];
        string heldDirectory = new SweepFolder(_directory).RunDirectory(held);
        Directory.CreateDirectory(heldDirectory);
        SweepClaimTests.WriteForeignClaim(heldDirectory, 1, "another-node", 42, DateTime.UtcNow, released: null, startUtc: null);
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner(new SweepRunnerOptions { WaitForHeldRuns = false }).Run(_plan, _directory, Fake(executed));

        executed.Should().NotContain(held.Id);
        result.HeldElsewhere.Should().Be(1);
        result.Completed.Should().Be(7);
    }

    [Fact]
    public void Options_have_the_documented_defaults()
    {
        var options = new SweepRunnerOptions();

        options.Shard.Should().Be(SweepShard.All);
        options.LeaseTimeout.Should().Be(TimeSpan.FromMinutes(10));
        options.PollInterval.Should().Be(TimeSpan.FromSeconds(10));
        options.RetryFailed.Should().BeFalse();
        options.WaitForHeldRuns.Should().BeTrue();
        options.Metrics.Should().Equal(SweepMetric.Defaults);
        options.Progress.Should().BeNull();
    }

    [Fact]
    public void Options_are_checked_when_the_runner_is_created()
    {
        var lease = () => new SweepRunner(new SweepRunnerOptions { LeaseTimeout = TimeSpan.Zero });
        var metrics = () => new SweepRunner(new SweepRunnerOptions { Metrics = [] });

        lease.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*lease*");
        metrics.Should().Throw<ArgumentException>().WithMessage("*metric*");
    }

    private static Func<SweepRun, string, CancellationToken, SweepRunResult> Fake(ConcurrentBag<string> executed) => (run, directory, _) =>
    {
        executed.Add(run.Id);
        WriteSummary(directory, fid: 10 + run.Number);
        return SweepRunResult.Success();
    };

    private sealed class Synchronous(List<SweepRunEvent> events) : IProgress<SweepRunEvent>
    {
        public void Report(SweepRunEvent value) => events.Add(value);
    }
}
