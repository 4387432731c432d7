using System.Diagnostics;
using System.Text.Json;
using GanKit.Sweeps;
using static GanKit.Sweeps.Tests.SweepTestSupport;

namespace GanKit.Sweeps.Tests;

public sealed class SweepClaimTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public void TryAcquire_lets_exactly_one_of_many_racers_win()
    {
        string directory = NewDirectory();
        using var start = new Barrier(8);

        var winners = Enumerable.Range(0, 8)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return SweepClaim.TryAcquire(directory, Lease);
                },
                TaskCreationOptions.LongRunning))
            .ToArray()
            .Select(t => t.Result)
            .Where(c => c is not null)
            .ToArray();

        winners.Should().ContainSingle();
        Directory.GetFiles(directory, "claim-*.json").Should().ContainSingle();
    }

    [Fact]
    public void TryAcquire_refuses_a_live_claim()
    {
        string directory = NewDirectory();
        WriteForeignClaim(directory, 1, Environment.MachineName, Environment.ProcessId + 0, DateTime.UtcNow, released: null, startUtc: null);

        SweepClaim.TryAcquire(directory, Lease).Should().BeNull();
    }

    [Fact]
    public void TryAcquire_takes_over_a_claim_whose_process_is_gone_from_this_host()
    {
        string directory = NewDirectory();
        int deadPid = ExitedProcessId();
        WriteForeignClaim(directory, 1, Environment.MachineName, deadPid, DateTime.UtcNow, released: null, startUtc: null);

        var claim = SweepClaim.TryAcquire(directory, Lease);

        claim.Should().NotBeNull();
        claim!.Number.Should().Be(2);
        claim.TookOver.Should().BeTrue();
        File.Exists(Path.Combine(directory, "claim-0001.json")).Should().BeTrue("earlier claims are kept as history");
    }

    [Fact]
    public void TryAcquire_waits_out_the_lease_of_another_host()
    {
        string directory = NewDirectory();
        string path = WriteForeignClaim(directory, 1, "some-other-node", 1, DateTime.UtcNow, released: null, startUtc: null);

        SweepClaim.TryAcquire(directory, Lease).Should().BeNull("its heartbeat is fresh");

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - Lease - TimeSpan.FromSeconds(1));
        SweepClaim.TryAcquire(directory, Lease).Should().NotBeNull("its heartbeat is older than the lease");
    }

    [Fact]
    public void TryAcquire_takes_a_released_claim_at_once()
    {
        string directory = NewDirectory();
        var first = SweepClaim.TryAcquire(directory, Lease)!;
        first.Release("cancelled");

        var second = SweepClaim.TryAcquire(directory, Lease);

        second!.Number.Should().Be(2);
    }

    [Fact]
    public void Heartbeat_keeps_a_claim_live_past_the_lease()
    {
        string directory = NewDirectory();
        var claim = SweepClaim.TryAcquire(directory, Lease)!;
        File.SetLastWriteTimeUtc(claim.Path, DateTime.UtcNow - TimeSpan.FromHours(1));
        var lease = TimeSpan.FromMinutes(1);

        // Pretend to be another host by judging only the age: the same-host liveness check would
        // otherwise see this very process alive.
        SweepClaim.ReadCurrent(directory)!.HeartbeatUtc.Should().BeBefore(DateTime.UtcNow - lease);
        claim.Heartbeat();
        SweepClaim.ReadCurrent(directory)!.HeartbeatUtc.Should().BeAfter(DateTime.UtcNow - lease);
    }

    [Fact]
    public void UnreadableClaim_is_live_only_while_young()
    {
        string directory = NewDirectory();
        string path = Path.Combine(directory, "claim-0001.json");
        File.WriteAllText(path, string.Empty);

        SweepClaim.ReadCurrent(directory)!.IsStale(Lease).Should().BeFalse("its creator may still be writing it");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TimeSpan.FromMinutes(1));
        SweepClaim.ReadCurrent(directory)!.IsStale(Lease).Should().BeTrue();
    }

    [Fact]
    public void TryAcquire_takes_over_a_predecessor_with_the_same_process_id_but_an_earlier_start()
    {
        // A restarted container: its worker is PID 1 again, like the one that died, on the same
        // host name. Here this process plays the new worker, and the claim is its predecessor's.
        string directory = NewDirectory();
        int pid = Environment.ProcessId;
        long ownStart = ProcessIdentity.StartTicks(pid)!.Value;
        WriteForeignClaim(directory, 1, Environment.MachineName, pid, DateTime.UtcNow, released: null, startUtc: null, startTicks: ownStart - 500, bootId: ProcessIdentity.BootId);

        var claim = SweepClaim.TryAcquire(directory, Lease);

        claim.Should().NotBeNull("a process with this id that started earlier is not this process, so it is gone");
        claim!.TookOver.Should().BeTrue();
    }

    [Fact]
    public void TryAcquire_refuses_a_claim_of_this_very_process()
    {
        string directory = NewDirectory();
        SweepClaim.TryAcquire(directory, Lease).Should().NotBeNull();

        SweepClaim.TryAcquire(directory, Lease).Should().BeNull("the same id and the same start are the same, live process");
    }

    [Fact]
    public void TryAcquire_judges_a_claim_from_another_boot_by_its_heartbeat()
    {
        // Another boot is a rebooted machine or another one with the same name, such as a
        // replacement pod that keeps its predecessor's host name: its process may still be
        // stopping, so only the lease tells.
        string directory = NewDirectory();
        int pid = Environment.ProcessId;
        string path = WriteForeignClaim(directory, 1, Environment.MachineName, pid, DateTime.UtcNow, released: null, startUtc: null, startTicks: ProcessIdentity.StartTicks(pid) - 500, bootId: Guid.NewGuid().ToString());

        SweepClaim.TryAcquire(directory, Lease).Should().BeNull("its heartbeat is fresh");

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - Lease - TimeSpan.FromSeconds(1));
        SweepClaim.TryAcquire(directory, Lease).Should().NotBeNull("its heartbeat is older than the lease");
    }

    [Fact]
    public void TryAcquire_takes_over_the_claim_of_a_zombie()
    {
        // sh forks a child that exits at once, then becomes a sleep that never reaps it: the
        // child stays a zombie, whose id and start time are still in /proc.
        using var parent = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 0 & echo $!; exec sleep 60"]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        try
        {
            int zombie = int.Parse(parent.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            while (!File.ReadAllText($"/proc/{zombie}/stat").Split(") ")[1].StartsWith('Z'))
            {
                watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the child must have exited by now");
                Thread.Sleep(10);
            }

            string directory = NewDirectory();
            WriteForeignClaim(directory, 1, Environment.MachineName, zombie, DateTime.UtcNow, released: null, startUtc: null, startTicks: ProcessIdentity.StartTicks(zombie), bootId: ProcessIdentity.BootId);

            SweepClaim.TryAcquire(directory, Lease).Should().NotBeNull("a zombie has exited; only its entry in the process table is left");
        }
        finally
        {
            parent.Kill();
            parent.WaitForExit();
        }
    }

    [Fact]
    public void Heartbeat_notices_a_claim_taken_over_while_this_worker_was_frozen()
    {
        string directory = NewDirectory();
        var lease = TimeSpan.FromMilliseconds(500);
        var mine = SweepClaim.TryAcquire(directory, lease)!;
        mine.IsHeld().Should().BeTrue();

        // Another worker takes the run over (as it would once this worker's heartbeat is older than the lease).
        WriteForeignClaim(directory, 2, "another-node", 7, DateTime.UtcNow, released: null, startUtc: null);
        Thread.Sleep(mine.HeartbeatInterval * 3);

        mine.IsHeld().Should().BeFalse("two heartbeats went unconfirmed, so the claim files are read again");
        mine.IsLost.Should().BeTrue();
        mine.Heartbeat().Should().BeFalse();
    }

    internal static string WriteForeignClaim(string directory, int number, string host, int pid, DateTime claimedUtc, string? released, DateTime? startUtc, long? startTicks = null, string? bootId = null)
    {
        var record = new SweepClaim.ClaimRecord(Guid.NewGuid().ToString("N"), host, pid, startUtc, startTicks, bootId, claimedUtc, released);
        string path = Path.Combine(directory, $"claim-{number:D4}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(record, SweepClaim.ClaimRecord.Json));
        return path;
    }

    internal static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
