using System.Buffers.Binary;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Sweeps;
using GanKit.Sweeps;
using GanKit.TestSupport;

namespace GanKit.Samples.Tests.Sweeps;

/// <summary>
/// A worker whose machine cannot read MNIST must fail as a process (so a Slurm array task or a
/// pod shows failed) without recording any run as failed (so the next worker still runs it).
/// </summary>
public class DcganSweepHostDataTests
{
    private const string Tiny = """
        { "name": "tiny", "architectures": ["original"], "seeds": [1, 2], "epochs": 1, "maxBatchesPerEpoch": 1,
          "evaluationSamples": 10, "fixed": { "batchSize": 4 } }
        """;

    [Fact]
    public void Unreadable_data_fails_the_worker_before_any_run_is_claimed()
    {
        using var data = new TempDirectory();
        using var sweep = new TempDirectory();
        // Well-formed IDX files that are not MNIST: their hashes differ, which the loader rejects
        // without fetching anything.
        File.WriteAllBytes(data.Combine("train-images-idx3-ubyte"), Idx(0x00000803, 4, 28, 28));
        File.WriteAllBytes(data.Combine("train-labels-idx1-ubyte"), Idx(0x00000801, 4));
        File.WriteAllBytes(data.Combine("t10k-images-idx3-ubyte"), Idx(0x00000803, 4, 28, 28));
        File.WriteAllBytes(data.Combine("t10k-labels-idx1-ubyte"), Idx(0x00000801, 4));
        var plan = SweepDefinition.Parse(Tiny, DcganSweepSchema.Schema).Expand();
        var error = new StringWriter();
        var host = new DcganSweepHost(new PlainProgressDisplay(TextWriter.Null, TimeProvider.System), new StringWriter(), error);

        int code = host.Run(new SweepRunSettings(plan, sweep.Path, SweepShard.All, "cpu", data.Path, TimeSpan.FromMinutes(1), RetryFailed: false, Wait: false), CancellationToken.None);

        code.Should().Be(ExitCodes.Failure);
        error.ToString().Should().StartWith("error: MNIST cannot be read on ").And.Contain("no run was started").And.Contain("train-images-idx3-ubyte").And.Contain("SHA-256");
        Directory.EnumerateFiles(sweep.Path, "*", SearchOption.AllDirectories).Should().BeEmpty("no run may be claimed or recorded as failed");
    }

    private static byte[] Idx(int magic, params int[] dimensions)
    {
        long body = dimensions.Length == 1 ? dimensions[0] : (long)dimensions[0] * dimensions[1] * dimensions[2];
        var bytes = new byte[(4 * (1 + dimensions.Length)) + body];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * (i + 1)), dimensions[i]);
        }

        return bytes;
    }
}
