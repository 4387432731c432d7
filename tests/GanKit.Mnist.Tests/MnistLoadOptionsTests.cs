namespace GanKit.Mnist.Tests;

public sealed class MnistLoadOptionsTests
{
    [Fact]
    public void Defaults_are_documented_values()
    {
        var options = new MnistLoadOptions();

        options.Directory.Should().BeNull();
        options.Download.Should().BeTrue();
        options.VerifyHashes.Should().BeTrue();
        options.PixelRange.Should().Be(MnistPixelRange.MinusOneToOne);
        options.Mirrors.Should().Equal(new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/"), new Uri("https://storage.googleapis.com/cvdf-datasets/mnist/"));
        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(30)).And.Be(MnistLoadOptions.DefaultRequestTimeout);
        options.MaxAttempts.Should().Be(3).And.Be(MnistLoadOptions.DefaultMaxAttempts);
        options.RetryDelay.Should().Be(TimeSpan.FromSeconds(1)).And.Be(MnistLoadOptions.DefaultRetryDelay);
        options.UseNpm.Should().BeTrue();
        options.NpmSearchPath.Should().BeNull();
        options.NpmTimeout.Should().Be(TimeSpan.FromMinutes(5)).And.Be(MnistLoadOptions.DefaultNpmTimeout);
        options.LockTimeout.Should().Be(TimeSpan.FromMinutes(10)).And.Be(MnistLoadOptions.DefaultLockTimeout);
        options.ExpectedSha256.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["train-images-idx3-ubyte"] = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            ["train-labels-idx1-ubyte"] = "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            ["t10k-images-idx3-ubyte"] = "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            ["t10k-labels-idx1-ubyte"] = "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
        });
    }

    [Fact]
    public void Each_instance_owns_its_mirror_list_and_hash_table()
    {
        var first = new MnistLoadOptions();
        first.Mirrors.Clear();
        first.ExpectedSha256.Clear();

        var second = new MnistLoadOptions();

        second.Mirrors.Should().HaveCount(2);
        second.ExpectedSha256.Should().HaveCount(4);
        MnistLoadOptions.DefaultMirrors.Should().HaveCount(2);
    }

    public static TheoryData<string, Action<MnistLoadOptions>> BadSettings() => new()
    {
        { "Directory", o => o.Directory = string.Empty },
        { "MaxAttempts", o => o.MaxAttempts = 0 },
        { "RequestTimeout", o => o.RequestTimeout = TimeSpan.Zero },
        { "NpmTimeout", o => o.NpmTimeout = TimeSpan.FromSeconds(-1) },
        { "LockTimeout", o => o.LockTimeout = TimeSpan.Zero },
        { "RetryDelay", o => o.RetryDelay = TimeSpan.FromSeconds(-1) },
        { "Mirrors", o => o.Mirrors = [new Uri("ftp://example.org/mnist/")] },
        { "Mirrors", o => o.Mirrors = null! },
        { "ExpectedSha256", o => o.ExpectedSha256 = null! },
        { "PixelRange", o => o.PixelRange = (MnistPixelRange)7 },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Load_rejects_out_of_range_settings_naming_them(string setting, Action<MnistLoadOptions> spoil)
    {
        var options = new MnistLoadOptions { Download = false };
        spoil(options);

        var act = () => MnistDataset.Load(MnistSplit.Test, options);

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains(setting) && e.ParamName == setting);
    }
}
