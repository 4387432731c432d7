using System.Collections.Concurrent;
using GanKit.Sweeps;
using static GanKit.Sweeps.Tests.SweepTestSupport;

namespace GanKit.Sweeps.Tests;

public sealed class SweepRunnerTests
{
    private readonly SweepPlan _plan = Parse(SmallSweep).Expand();
    private readonly string _directory = NewDirectory();

    [Fact]
    public void Run_ExecutesEveryRunOnceAndWritesRunFiles()
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
    public void Run_SkipsFinishedRunsOnASecondPass()
    {
        new SweepRunner().Run(_plan, _directory, Fake(new ConcurrentBag<string>()));
        var again = new ConcurrentBag<string>();

        var result = new SweepRunner().Run(_plan, _directory, Fake(again));

        again.Should().BeEmpty();
        result.AlreadyFinished.Should().Be(8);
        result.Completed.Should().Be(0);
    }

    [Fact]
    public void Run_DoesOnlyItsShard()
    {
        var executed = new ConcurrentBag<string>();

        var result = new SweepRunner(new SweepRunnerOptions { Shard = new SweepShard(1, 3) }).Run(_plan, _directory, Fake(executed));

        executed.Should().BeEquivalentTo(_plan.Runs.Where(r => r.Number % 3 == 1).Select(r => r.Id));
        result.RunsInShard.Should().Be(3);
    }

    [Fact]
    public void Run_RecordsFailuresAndDoesNotRetryThemUnlessAsked()
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
    public void Run_NamesTheReasonOfAFailure()
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
    public void Run_CancelledReleasesTheClaimAndTheNextWorkerResumes()
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
    public void Run_WaitsForARunHeldByALiveWorkerAndTakesItOverWhenItsLeaseEnds()
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
    public void Run_WithoutWaitingLeavesHeldRunsToTheirHolder()
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
    public void Options_HaveTheDocumentedDefaults()
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
    public void Options_AreCheckedWhenTheRunnerIsCreated()
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
