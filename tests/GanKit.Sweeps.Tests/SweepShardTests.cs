using System.Collections;
using GanKit.Sweeps;
using static GanKit.Sweeps.Tests.SweepTestSupport;

namespace GanKit.Sweeps.Tests;

public sealed class SweepShardTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Shards_partition_the_runs_exactly(int count)
    {
        // 13 runs: not a multiple of any N above 1, so uneven shards are covered too.
        var runs = Parse("""{ "architectures": ["original"], "seeds": [1,2,3,4,5,6,7,8,9,10,11,12,13], "epochs": 1 }""").Expand().Runs;
        var shards = Enumerable.Range(0, count).Select(i => new SweepShard(i, count)).ToArray();

        foreach (var run in runs)
        {
            shards.Count(s => s.Contains(run)).Should().Be(1, $"run {run.Number} must be in exactly one of {count} shards");
        }

        shards.SelectMany(s => runs.Where(s.Contains)).Select(r => r.Id).Should().BeEquivalentTo(runs.Select(r => r.Id));
        shards.Select(s => runs.Count(s.Contains)).Max().Should().BeLessThanOrEqualTo(shards.Select(s => runs.Count(s.Contains)).Min() + 1);
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/5", 2, 5)]
    [InlineData(" 3 / 4 ", 3, 4)]
    public void Parse_reads_index_and_count(string text, int index, int count)
    {
        var shard = SweepShard.Parse(text);

        shard.Index.Should().Be(index);
        shard.Count.Should().Be(count);
    }

    [Theory]
    [InlineData("5/5")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    public void Parse_rejects_malformed_text(string text)
    {
        var act = () => SweepShard.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*'{text}'*");
    }

    [Fact]
    public void Resolve_prefers_the_explicit_option()
    {
        var environment = new Hashtable { ["SLURM_ARRAY_TASK_ID"] = "3", ["SLURM_ARRAY_TASK_COUNT"] = "4" };

        SweepShard.Resolve("1/2", null, environment).Should().Be(new SweepShard(1, 2));
    }

    [Fact]
    public void Resolve_reads_a_slurm_array_and_its_offset()
    {
        SweepShard.Resolve(null, null, new Hashtable { ["SLURM_ARRAY_TASK_ID"] = "3", ["SLURM_ARRAY_TASK_COUNT"] = "4" })
            .Should().Be(new SweepShard(3, 4));
        SweepShard.Resolve(null, null, new Hashtable { ["SLURM_ARRAY_TASK_ID"] = "4", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "4" })
            .Should().Be(new SweepShard(3, 4));
    }

    [Fact]
    public void Resolve_reads_a_kubernetes_index_with_a_count_from_the_environment_or_the_option()
    {
        SweepShard.Resolve(null, null, new Hashtable { ["JOB_COMPLETION_INDEX"] = "2", ["SWEEP_SHARD_COUNT"] = "3" })
            .Should().Be(new SweepShard(2, 3));
        SweepShard.Resolve(null, 5, new Hashtable { ["JOB_COMPLETION_INDEX"] = "4" })
            .Should().Be(new SweepShard(4, 5));
    }

    [Fact]
    public void Resolve_without_anything_is_the_whole_sweep()
    {
        SweepShard.Resolve(null, null, new Hashtable()).Should().Be(SweepShard.All);
    }

    [Fact]
    public void Resolve_names_the_variable_that_is_missing_or_wrong()
    {
        var noCount = () => SweepShard.Resolve(null, null, new Hashtable { ["JOB_COMPLETION_INDEX"] = "1" });
        var notNumber = () => SweepShard.Resolve(null, null, new Hashtable { ["SLURM_ARRAY_TASK_ID"] = "x", ["SLURM_ARRAY_TASK_COUNT"] = "2" });
        var outOfRange = () => SweepShard.Resolve(null, null, new Hashtable { ["SLURM_ARRAY_TASK_ID"] = "9", ["SLURM_ARRAY_TASK_COUNT"] = "2" });
        var countWithoutIndex = () => SweepShard.Resolve(null, 3, new Hashtable());
        var disagreeing = () => SweepShard.Resolve("1/2", 3, new Hashtable());

        noCount.Should().Throw<FormatException>().WithMessage("*JOB_COMPLETION_INDEX*SWEEP_SHARD_COUNT*");
        notNumber.Should().Throw<FormatException>().WithMessage("*SLURM_ARRAY_TASK_ID='x'*");
        outOfRange.Should().Throw<FormatException>().WithMessage("*SLURM_ARRAY_TASK_ID=9*");
        countWithoutIndex.Should().Throw<FormatException>().WithMessage("*no shard index*");
        disagreeing.Should().Throw<FormatException>().WithMessage("*2 shards*3*");
    }
}
