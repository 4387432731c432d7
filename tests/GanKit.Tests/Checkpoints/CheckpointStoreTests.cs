using System.Security.Cryptography;
using GanKit.Checkpoints;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace GanKit.Tests.Checkpoints;

public sealed class CheckpointStoreTests
{
    private static Action<string> Writes(string content) => folder =>
    {
        File.WriteAllText(Path.Combine(folder, "a.bin"), content);
        File.WriteAllText(Path.Combine(folder, "b.json"), "{\"x\":" + content.Length + "}");
    };

    [Fact]
    public void Save_writes_files_and_a_manifest_of_their_sha256()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);

        var info = store.Save(2, 40, Writes("hello"));

        Path.GetFileName(info.Directory).Should().Be("epoch-0002-step-00000040");
        info.Manifest.Files.Keys.Should().BeEquivalentTo("a.bin", "b.json");
        info.Manifest.Files["a.bin"].Should().Be(Convert.ToHexStringLower(SHA256.HashData("hello"u8.ToArray())));
        File.Exists(Path.Combine(info.Directory, CheckpointStore.ManifestFileName)).Should().BeTrue();
        Directory.EnumerateDirectories(dir.Path).Should().ContainSingle("the temporary folder was renamed, not copied");
        info.PathOf("a.bin").Should().Be(Path.Combine(info.Directory, "a.bin"));
    }

    [Fact]
    public void Only_the_newest_k_are_kept()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path, keepLast: 2);
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            store.Save(epoch, epoch * 10, Writes("e" + epoch));
        }

        Directory.EnumerateDirectories(dir.Path).Select(Path.GetFileName)
            .Should().BeEquivalentTo("epoch-0003-step-00000030", "epoch-0004-step-00000040");
    }

    [Fact]
    public void The_newest_valid_checkpoint_is_found()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        store.Save(1, 10, Writes("one"));
        store.Save(2, 20, Writes("two"));
        store.FindLatestValid()!.Epoch.Should().Be(2);
    }

    [Fact]
    public void Corrupt_and_partial_checkpoints_are_skipped_with_warnings()
    {
        using var dir = new TempDirectory();
        var logger = new RecordingLogger<CheckpointStoreTests>();
        var store = new CheckpointStore(dir.Path, keepLast: 10, logger);
        store.Save(1, 10, Writes("one"));
        var two = store.Save(2, 20, Writes("two"));
        var three = store.Save(3, 30, Writes("three"));
        var four = store.Save(4, 40, Writes("four"));

        // Four: a file flipped on disk. Three: truncated. Two: the manifest never made it.
        var bytes = File.ReadAllBytes(Path.Combine(four.Directory, "a.bin"));
        bytes[0] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(four.Directory, "a.bin"), bytes);
        File.WriteAllText(Path.Combine(three.Directory, "b.json"), string.Empty);
        File.Delete(Path.Combine(two.Directory, CheckpointStore.ManifestFileName));

        // A crash mid-write leaves a temporary folder behind; it must never be chosen.
        Directory.CreateDirectory(Path.Combine(dir.Path, ".tmp-epoch-0009-step-00000090-abc"));

        var found = store.FindLatestValid();

        found!.Epoch.Should().Be(1);
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        warnings.Should().HaveCount(3);
        warnings[0].Should().Contain("epoch-0004").And.Contain("a.bin").And.Contain("SHA-256");
        warnings[1].Should().Contain("epoch-0003").And.Contain("b.json");
        warnings[2].Should().Contain("epoch-0002").And.Contain("manifest.json");
    }

    [Fact]
    public void A_garbled_manifest_is_reported_not_thrown()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        var info = store.Save(1, 10, Writes("one"));
        File.WriteAllText(Path.Combine(info.Directory, CheckpointStore.ManifestFileName), "{\"formatVersion\": 1, \"files\": ");

        CheckpointStore.TryVerify(info.Directory, out var verified, out string? reason).Should().BeFalse();
        verified.Should().BeNull();
        reason.Should().Contain("does not parse");
        store.FindLatestValid().Should().BeNull();
    }

    [Fact]
    public void A_file_not_in_the_manifest_makes_the_checkpoint_invalid()
    {
        using var dir = new TempDirectory();
        var logger = new RecordingLogger<CheckpointStoreTests>();
        var store = new CheckpointStore(dir.Path, keepLast: 10, logger);
        store.Save(1, 10, Writes("one"));
        var two = store.Save(2, 20, Writes("two"));
        File.WriteAllText(Path.Combine(two.Directory, "stray.bin"), "not listed");

        CheckpointStore.TryVerify(two.Directory, out var verified, out string? reason).Should().BeFalse();
        verified.Should().BeNull();
        reason.Should().Contain("stray.bin").And.Contain("not in");

        store.FindLatestValid()!.Epoch.Should().Be(1);
        logger.Entries.Where(e => e.Level == LogLevel.Warning).Should().ContainSingle()
            .Which.Message.Should().Contain("epoch-0002").And.Contain("stray.bin");
    }

    [Fact]
    public void A_sub_folder_not_in_the_manifest_makes_the_checkpoint_invalid()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        var info = store.Save(1, 10, Writes("one"));
        Directory.CreateDirectory(Path.Combine(info.Directory, "extra"));

        CheckpointStore.TryVerify(info.Directory, out _, out string? reason).Should().BeFalse();
        reason.Should().Contain("'extra'");
        store.FindLatestValid().Should().BeNull();
    }

    [Fact]
    public void Temporary_folders_left_by_a_crash_are_removed_on_the_next_save()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        string abandoned = Path.Combine(dir.Path, ".tmp-epoch-0001-step-00000010-dead");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "a.bin"), "half");

        store.Save(1, 10, Writes("one"));

        Directory.Exists(abandoned).Should().BeFalse();
    }

    [Fact]
    public void A_live_writers_temporary_folder_survives_another_save_and_a_dead_writers_does_not()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        using var sleeper = System.Diagnostics.Process.Start("sleep", "60");
        try
        {
            var live = RunFolderOwner.Current with { ProcessId = sleeper.Id, StartTime = RunFolderOwner.StartTimeOf(sleeper.Id)!.Value };
            string busy = Path.Combine(dir.Path, CheckpointStore.TemporaryNameFor(live, "epoch-0002-step-00000020"));
            string abandoned = Path.Combine(dir.Path, CheckpointStore.TemporaryNameFor(live with { StartTime = live.StartTime + 1 }, "epoch-0001-step-00000010"));
            Directory.CreateDirectory(busy);
            Directory.CreateDirectory(abandoned);

            store.Save(1, 10, Writes("one"));

            Directory.Exists(busy).Should().BeTrue("its writer still runs");
            Directory.Exists(abandoned).Should().BeFalse("its writer is gone: the process id now belongs to a process started at another time");
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void A_stray_folder_with_an_overflowing_epoch_is_ignored_with_a_warning()
    {
        using var dir = new TempDirectory();
        var logger = new RecordingLogger<CheckpointStoreTests>();
        var store = new CheckpointStore(dir.Path, logger: logger);
        store.Save(1, 10, Writes("one"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "epoch-99999999999-step-00000001"));

        store.FindLatestValid()!.Epoch.Should().Be(1);
        store.HasCheckpoints().Should().BeTrue();
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("epoch-99999999999-step-00000001"));
    }

    [Fact]
    public void A_writer_that_fails_leaves_nothing_behind()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        FluentActions.Invoking(() => store.Save(1, 10, _ => throw new IOException("disk full")))
            .Should().Throw<IOException>();
        Directory.EnumerateFileSystemEntries(dir.Path).Should().BeEmpty();
        FluentActions.Invoking(() => store.Save(1, 10, _ => { })).Should().Throw<InvalidOperationException>().WithMessage("*no files*");
    }

    [Fact]
    public void Saving_the_same_step_twice_replaces_it()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        store.Save(1, 10, Writes("old"));
        var info = store.Save(1, 10, Writes("new"));
        File.ReadAllText(info.PathOf("a.bin")).Should().Be("new");
        store.FindLatestValid()!.Directory.Should().Be(info.Directory);
    }

    [Fact]
    public void The_checkpoint_just_written_survives_pruning_next_to_higher_numbered_leftovers()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path, keepLast: 2);
        store.Save(8, 80, Writes("old run"));
        store.Save(9, 90, Writes("old run"));
        store.HasCheckpoints().Should().BeTrue();

        var fresh = store.Save(1, 10, Writes("new run"));

        Directory.Exists(fresh.Directory).Should().BeTrue();
        Directory.EnumerateDirectories(dir.Path).Select(Path.GetFileName)
            .Should().BeEquivalentTo("epoch-0009-step-00000090", "epoch-0001-step-00000010");
    }

    [Fact]
    public void Keep_last_must_be_positive()
    {
        FluentActions.Invoking(() => new CheckpointStore("x", keepLast: 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("keepLast").WithMessage("*got 0*");
        CheckpointStore.DefaultKeepLast.Should().Be(3);
    }
}
