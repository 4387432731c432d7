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

        var result = new SweepRunner(Options()).Run(_plan, _directory, Fake(executed));

        executed.Should().BeEquivalentTo(_plan.Runs.Select(r => r.Id));
        result.Completed.Should().Be(8);
        result.RunsInShard.Should().Be(8);
        var folder = new SweepFolder(_directory);
        foreach (var run in _plan.Runs)
        {
            File.ReadAllText(Path.Combine(folder.RunDirectory(run), SweepFolder.RunFileName)).Should().Contain(run.Id);
            folder.Inspect(run, Metrics, TimeSpan.FromMinutes(1)).State.Should().Be(SweepRunState.Finished);
        }
    }

    [Fact]
    public void Run_skips_finished_runs_on_a_second_pass()
    {
        new SweepRunner(Options()).Run(_plan, _directory, Fake(new ConcurrentBag<string>()));
        var again = new ConcurrentBag<string>();

        var result = new SweepRunner(Options()).Run(_plan, _directory, Fake(again));

        again.Should().BeEmpty();
        result.AlreadyFinished.Should().Be(8);
        result.Completed.Should().Be(0);
    }

    [Fact]
    public void Run_does_only_its_shard()
    {
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, Shard = new SweepShard(1, 3), StealWork = false }).Run(_plan, _directory, Fake(executed));

        executed.Should().BeEquivalentTo(_plan.Runs.Where(r => r.Number % 3 == 1).Select(r => r.Id));
        result.RunsInShard.Should().Be(3);
    }

    [Fact]
    public void Run_records_failures_and_does_not_retry_them_unless_asked()
    {
        var broken = _plan.Runs[2];
        var noSummary = _plan.Runs[5];
        SweepRunResult Executor(SweepRunContext context)
        {
            var run = context.Run;
            string directory = context.Directory;
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

        var first = new SweepRunner(Options()).Run(_plan, _directory, Executor);
        var folder = new SweepFolder(_directory);
        string? reason = folder.Inspect(broken, Metrics, TimeSpan.FromMinutes(1)).Detail;
        var second = new SweepRunner(Options()).Run(_plan, _directory, Fake(new ConcurrentBag<string>()));
        var third = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, RetryFailed = true }).Run(_plan, _directory, Fake(new ConcurrentBag<string>()));

        first.Failed.Should().Be(2);
        first.Completed.Should().Be(6);
        reason.Should().Be("InvalidOperationException: loss became NaN at step 3", "a reason is one line");
        second.PreviouslyFailed.Should().Be(2);
        third.Completed.Should().Be(2);
        folder.Inspect(broken, Metrics, TimeSpan.FromMinutes(1)).State.Should().Be(SweepRunState.Finished);
    }

    [Fact]
    public void Run_names_the_reason_of_a_failure()
    {
        var broken = _plan.Runs[2];
        var noSummary = _plan.Runs[5];
        new SweepRunner(Options()).Run(_plan, _directory, context =>
        {
            var (run, directory) = (context.Run, context.Directory);
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
        var failed = folder.Inspect(broken, Metrics, TimeSpan.FromMinutes(1));
        failed.State.Should().Be(SweepRunState.Failed);
        failed.Detail.Should().Be("discriminator loss diverged");
        folder.Inspect(noSummary, Metrics, TimeSpan.FromMinutes(1)).Detail.Should().Contain("reported success but its summary is not valid").And.Contain("does not exist");
    }

    [Fact]
    public void Run_cancelled_releases_the_claim_and_the_next_worker_resumes()
    {
        using var cancellation = new CancellationTokenSource();
        var target = _plan.Runs[3];
        var events = new List<SweepRunEvent>();
        var firstResult = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics }).Run(_plan, _directory, context =>
        {
            var (run, directory, token) = (context.Run, context.Directory, context.CancellationToken);
            if (run.Id == target.Id)
            {
                File.WriteAllText(Path.Combine(directory, "checkpoint.txt"), "step 1");
                cancellation.Cancel();
                token.ThrowIfCancellationRequested();
            }

            WriteSummary(directory, fid: 1);
            return SweepRunResult.Success();
        }, new Synchronous(events), cancellation.Token);

        firstResult.Cancelled.Should().BeTrue();
        firstResult.Completed.Should().Be(3);
        events.Last().Kind.Should().Be(SweepRunEventKind.Cancelled);
        new SweepFolder(_directory).Inspect(target, Metrics, TimeSpan.FromHours(1)).State.Should().Be(SweepRunState.Interrupted);

        events.Clear();
        bool sawCheckpoint = false;
        var second = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics }).Run(_plan, _directory, context =>
        {
            var (run, directory) = (context.Run, context.Directory);
            sawCheckpoint |= run.Id == target.Id && File.Exists(Path.Combine(directory, "checkpoint.txt"));
            WriteSummary(directory, fid: 1);
            return SweepRunResult.Success();
        }, new Synchronous(events));

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

        var result = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, LeaseTimeout = lease, PollInterval = TimeSpan.FromMilliseconds(100) })
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

        var result = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, WaitForHeldRuns = false }).Run(_plan, _directory, Fake(executed));

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
        options.StealWork.Should().BeTrue();
        options.Metrics.Should().BeEmpty("the host names its metrics");
        SweepRunnerOptions.MaxLeaseTimeout.Should().Be(TimeSpan.FromDays(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(400_000)]
    public void Options_are_checked_when_the_runner_is_created(int leaseMinutes)
    {
        var lease = () => new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, LeaseTimeout = TimeSpan.FromMinutes(leaseMinutes) });
        var poll = () => new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, PollInterval = TimeSpan.FromDays(2) });
        var noMetrics = () => new SweepRunner(new SweepRunnerOptions());
        var twice = () => new SweepRunner(new SweepRunnerOptions { Metrics = [Metrics[0], Metrics[0]] });

        lease.Should().Throw<ArgumentOutOfRangeException>().WithMessage("LeaseTimeout must be positive and at most 1.00:00:00*");
        poll.Should().Throw<ArgumentOutOfRangeException>().WithMessage("PollInterval*");
        noMetrics.Should().Throw<ArgumentException>().WithMessage("Metrics must list at least one metric*");
        twice.Should().Throw<ArgumentException>().WithMessage("*twice*");
    }

    [Fact]
    public void Options_are_copied_so_later_changes_do_not_reach_the_runner()
    {
        var metrics = new List<SweepMetric>(Metrics);
        var options = new SweepRunnerOptions { Metrics = metrics, Shard = new SweepShard(0, 2) };
        var runner = new SweepRunner(options);
        options.Shard = new SweepShard(1, 2);
        options.LeaseTimeout = TimeSpan.Zero;
        metrics.Clear();
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner(Options()).Run(_plan, NewDirectory(), Fake(new ConcurrentBag<string>()));
        var mine = runner.Run(_plan, _directory, Fake(executed));

        result.Completed.Should().Be(8);
        mine.Shard.Should().Be(new SweepShard(0, 2));
        mine.Completed.Should().Be(4, "the shard given at construction is the one run");
    }

    [Fact]
    public void Run_puts_a_deferred_run_off_without_a_record_and_tries_it_again()
    {
        var target = _plan.Runs[0];
        int attempts = 0;
        var events = new List<SweepRunEvent>();

        var result = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, Shard = new SweepShard(0, 8), StealWork = false, PollInterval = TimeSpan.FromMilliseconds(50) })
            .Run(_plan, _directory, context =>
            {
                if (++attempts == 1)
                {
                    File.Exists(Path.Combine(context.Directory, "failed.json")).Should().BeFalse();
                    return SweepRunResult.Deferred("the run folder is still held by pid 42");
                }

                WriteSummary(context.Directory, fid: 1);
                return SweepRunResult.Success();
            }, new Synchronous(events));

        attempts.Should().Be(2);
        result.Completed.Should().Be(1);
        result.Failed.Should().Be(0);
        events.Select(e => e.Kind).Should().Equal(SweepRunEventKind.Started, SweepRunEventKind.Deferred, SweepRunEventKind.Resumed, SweepRunEventKind.Completed);
        events[1].Message.Should().Be("the run folder is still held by pid 42");
        File.Exists(Path.Combine(new SweepFolder(_directory).RunDirectory(target), "failed.json")).Should().BeFalse();
    }

    [Fact]
    public void Run_releases_the_claim_when_the_worker_fails_outside_the_run()
    {
        var run = _plan.Runs[0];
        string runDirectory = new SweepFolder(_directory).RunDirectory(run);
        // The run description cannot be written: a folder stands where the file goes.
        Directory.CreateDirectory(Path.Combine(runDirectory, "sweep-run.json"));

        var act = () => new SweepRunner(Options()).Run(_plan, _directory, Fake(new ConcurrentBag<string>()));

        act.Should().Throw<IOException>();
        var claim = SweepClaim.ReadCurrent(runDirectory)!;
        claim.Record!.Released.Should().Be("worker error", "a crash before the run started must not leave the run blocked for a lease");
        claim.IsStale(TimeSpan.FromDays(1)).Should().BeTrue();
    }

    [Fact]
    public void Run_does_its_own_shard_first_then_takes_unclaimed_runs_of_others_last_first()
    {
        var order = new List<int>();
        var stolenFlags = new List<bool>();
        var events = new List<SweepRunEvent>();

        var result = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, Shard = new SweepShard(0, 2) })
            .Run(_plan, _directory, context =>
            {
                order.Add(context.Run.Number);
                stolenFlags.Add(context.IsFromOtherShard);
                WriteSummary(context.Directory, fid: 1);
                return SweepRunResult.Success();
            }, new Synchronous(events));

        order.Should().Equal(0, 2, 4, 6, 7, 5, 3, 1);
        stolenFlags.Should().Equal(false, false, false, false, true, true, true, true);
        result.Completed.Should().Be(4);
        result.Stolen.Should().Be(4);
        events.Where(e => e.Kind == SweepRunEventKind.Started).Select(e => e.FromOtherShard).Should().Equal(stolenFlags);
    }

    [Fact]
    public void Run_tries_a_failing_run_of_another_shard_once_while_it_waits_for_its_own()
    {
        // Run 0 is this shard's, held by a worker elsewhere until its one-second lease runs out;
        // meanwhile the worker passes over the other shard every 50 ms.
        var folder = new SweepFolder(_directory);
        folder.Initialize(_plan);
        string held = folder.RunDirectory(_plan.Runs[0]);
        Directory.CreateDirectory(held);
        SweepClaimTests.WriteForeignClaim(held, 1, "another-node", 42, DateTime.UtcNow, released: null, startUtc: null);
        var broken = _plan.Runs[7];
        int brokenAttempts = 0;
        var options = new SweepRunnerOptions { Metrics = Metrics, Shard = new SweepShard(0, 2), RetryFailed = true, LeaseTimeout = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(50) };

        var result = new SweepRunner(options).Run(_plan, _directory, context =>
        {
            if (context.Run.Id == broken.Id)
            {
                brokenAttempts++;
                return SweepRunResult.Failure("diverged");
            }

            WriteSummary(context.Directory, fid: 1);
            return SweepRunResult.Success();
        });

        result.Completed.Should().Be(4, "the held run was taken over once its lease ran out");
        brokenAttempts.Should().Be(1, "a run of another shard that failed in this worker is not retried at every pass");
        result.Stolen.Should().Be(4);
    }

    [Fact]
    public void Run_leaves_other_shards_alone_when_stealing_is_off()
    {
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, Shard = new SweepShard(1, 2), StealWork = false }).Run(_plan, _directory, Fake(executed));

        executed.Should().BeEquivalentTo(_plan.Runs.Where(r => r.Number % 2 == 1).Select(r => r.Id));
        result.Stolen.Should().Be(0);
    }

    [Fact]
    public void Run_never_steals_a_run_another_worker_holds_or_finished()
    {
        var folder = new SweepFolder(_directory);
        folder.Initialize(_plan);
        WriteSummary(folder.RunDirectory(_plan.Runs[7]), fid: 1);
        string held = folder.RunDirectory(_plan.Runs[5]);
        Directory.CreateDirectory(held);
        SweepClaimTests.WriteForeignClaim(held, 1, "another-node", 42, DateTime.UtcNow, released: null, startUtc: null);
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, Shard = new SweepShard(0, 2), WaitForHeldRuns = false }).Run(_plan, _directory, Fake(executed));

        executed.Should().NotContain([_plan.Runs[7].Id, _plan.Runs[5].Id]);
        result.Stolen.Should().Be(2, "runs 3 and 1 were free");
    }

    [Fact]
    public void Run_stops_without_a_record_when_the_claim_is_lost_mid_run()
    {
        var target = _plan.Runs[0];
        var events = new List<SweepRunEvent>();
        var result = new SweepRunner(new SweepRunnerOptions { Metrics = Metrics, LeaseTimeout = TimeSpan.FromMilliseconds(500), Shard = new SweepShard(0, 8), StealWork = false })
            .Run(_plan, _directory, context =>
            {
                // Another worker takes the run over while this one is frozen past two heartbeats.
                SweepClaimTests.WriteForeignClaim(context.Directory, 2, "another-node", 42, DateTime.UtcNow, released: null, startUtc: null);
                Thread.Sleep(400);
                context.ThrowIfClaimLost();
                WriteSummary(context.Directory, fid: 1);
                return SweepRunResult.Success();
            }, new Synchronous(events));

        string directory = new SweepFolder(_directory).RunDirectory(target);
        result.Lost.Should().Be(1);
        result.Completed.Should().Be(0);
        File.Exists(Path.Combine(directory, "failed.json")).Should().BeFalse("the run is the new owner's, not a failure");
        File.Exists(Path.Combine(directory, "summary.json")).Should().BeFalse();
        SweepClaim.ReadCurrent(directory)!.Record!.Released.Should().BeNull("the new owner's claim is untouched");
        events.Last().Kind.Should().Be(SweepRunEventKind.ClaimLost);
    }

    private static Func<SweepRunContext, SweepRunResult> Fake(ConcurrentBag<string> executed) => context =>
    {
        executed.Add(context.Run.Id);
        WriteSummary(context.Directory, fid: 10 + context.Run.Number);
        return SweepRunResult.Success();
    };

    private sealed class Synchronous(List<SweepRunEvent> events) : IProgress<SweepRunEvent>
    {
        public void Report(SweepRunEvent value) => events.Add(value);
    }
}
