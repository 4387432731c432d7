using System.Diagnostics;
using System.Text.Json;
using GanKit.Checkpoints;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;

namespace GanKit.Tests.Checkpoints;

public sealed class RunFolderLockTests
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static void Record(string folder, RunFolderOwner owner) =>
        File.WriteAllText(Path.Combine(folder, RunFolderLock.OwnerFileName), JsonSerializer.Serialize(owner, Json));

    // A live process other than this one, with its real start time.
    private static Process Sleeper() => Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;

    [Fact]
    public void This_process_is_alive_and_a_record_with_its_id_but_another_start_time_is_not()
    {
        var current = RunFolderOwner.Current;
        current.IsAlive().Should().BeTrue();
        if (OperatingSystem.IsLinux())
        {
            current.StartTime.Should().BePositive("it is field 22 of /proc/self/stat");

            // What a restarted container sees: its own PID recorded by a predecessor that started earlier.
            (current with { StartTime = current.StartTime - 1 }).IsAlive().Should().BeFalse();
        }

        (current with { Host = "another-host-" + Guid.NewGuid().ToString("N") }).IsAlive().Should().BeNull("another host cannot be asked");
    }

    [Fact]
    public void A_folder_recorded_by_a_live_process_is_refused_naming_it()
    {
        // Elsewhere start times come from Process.StartTime, which this test does not pin down.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var dir = new TempDirectory();
        using var sleeper = Sleeper();
        try
        {
            var owner = new RunFolderOwner(Environment.MachineName, sleeper.Id, RunFolderOwner.StartTimeOf(sleeper.Id)!.Value, DateTimeOffset.UtcNow);
            Record(dir.Path, owner);

            var refused = FluentActions.Invoking(() => RunFolderLock.Acquire(dir.Path)).Should().Throw<RunFolderInUseException>().Which;
            refused.Owner!.ProcessId.Should().Be(sleeper.Id);
            refused.Message.Should().Contain($"process {sleeper.Id} on {Environment.MachineName}").And.Contain(dir.Path);

            // The same id with another start time is a dead predecessor whose id was reused.
            Record(dir.Path, owner with { StartTime = owner.StartTime + 1 });
            using (RunFolderLock.Acquire(dir.Path))
            {
                RunFolderLock.ReadOwner(dir.Path)!.IsCurrentProcess.Should().BeTrue();
            }
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void A_folder_locked_by_another_process_is_refused_at_once()
    {
        // util-linux's flock(1) holds the same advisory lock .NET takes, from another process.
        File.Exists("/usr/bin/flock").Should().BeTrue("the test needs util-linux flock (Debian's util-linux package)");
        using var dir = new TempDirectory();
        string lockFile = Path.Combine(dir.Path, RunFolderLock.LockFileName);
        using var holder = Process.Start(new ProcessStartInfo("/usr/bin/flock", ["-x", lockFile, "-c", "echo locked; sleep 60"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            holder.StandardOutput.ReadLine().Should().Be("locked");
            var clock = Stopwatch.StartNew();
            FluentActions.Invoking(() => RunFolderLock.Acquire(dir.Path)).Should().Throw<RunFolderInUseException>()
                .WithMessage("*in use by another process*");
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a second writer fails at once rather than waiting");
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Holds_are_re_entrant_and_the_last_release_removes_the_record()
    {
        using var dir = new TempDirectory();
        var outer = RunFolderLock.Acquire(dir.Path);
        var inner = RunFolderLock.Acquire(dir.Path);
        inner.Dispose();
        RunFolderLock.IsHeldByThisProcess(dir.Path).Should().BeTrue();
        File.Exists(Path.Combine(dir.Path, RunFolderLock.OwnerFileName)).Should().BeTrue();

        outer.Dispose();
        RunFolderLock.IsHeldByThisProcess(dir.Path).Should().BeFalse();
        File.Exists(Path.Combine(dir.Path, RunFolderLock.OwnerFileName)).Should().BeFalse();
        using var again = RunFolderLock.Acquire(dir.Path);
    }
}
