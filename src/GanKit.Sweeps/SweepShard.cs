using System.Collections;
using System.Globalization;

namespace GanKit.Sweeps;

/// <summary>
/// One slice of a sweep: the runs whose number modulo <see cref="Count"/> equals <see cref="Index"/>.
/// </summary>
/// <remarks>
/// A modulo split needs no coordination: every worker computes its runs from the plan alone, and
/// for N shards the slices are disjoint and together cover every run.
/// </remarks>
public readonly record struct SweepShard
{
    /// <summary>Slurm's variable for the array task id.</summary>
    public const string SlurmTaskIdVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>Slurm's variable for the number of tasks in the array.</summary>
    public const string SlurmTaskCountVariable = "SLURM_ARRAY_TASK_COUNT";

    /// <summary>Slurm's variable for the smallest task id of the array (ids may start at 1).</summary>
    public const string SlurmTaskMinVariable = "SLURM_ARRAY_TASK_MIN";

    /// <summary>The index Kubernetes gives each pod of an indexed Job.</summary>
    public const string KubernetesIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>
    /// The variable holding the shard count where the scheduler does not export one (Kubernetes
    /// indexed Jobs give the index only; set this to the Job's <c>completions</c>).
    /// </summary>
    public const string ShardCountVariable = "SWEEP_SHARD_COUNT";

    /// <summary>Creates a shard.</summary>
    /// <param name="index">The shard index, from 0.</param>
    /// <param name="count">The number of shards, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, or <paramref name="index"/> is outside 0..count-1.</exception>
    public SweepShard(int index, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The shard count must be at least 1.");
        }

        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The shard index must be between 0 and {count - 1} for {count} shards.");
        }

        Index = index;
        Count = count;
    }

    /// <summary>Gets the whole sweep as one shard.</summary>
    public static SweepShard All => new(0, 1);

    /// <summary>Gets the shard index, from 0.</summary>
    public int Index { get; }

    /// <summary>Gets the number of shards.</summary>
    public int Count { get; }

    /// <summary>Whether a run belongs to this shard.</summary>
    /// <param name="run">The run.</param>
    /// <returns>True when <c>run.Number mod Count == Index</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public bool Contains(SweepRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Contains(run.Number);
    }

    /// <summary>Whether a run number belongs to this shard.</summary>
    /// <param name="runNumber">The run number, from 0.</param>
    /// <returns>True when <c>runNumber mod Count == Index</c>.</returns>
    public bool Contains(int runNumber) => runNumber % Math.Max(Count, 1) == Index;

    /// <summary>Gets the text form <c>I/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Math.Max(Count, 1)}");

    /// <summary>Parses <c>I/N</c>, as given to <c>--shard</c>.</summary>
    /// <param name="text">The text, such as <c>2/5</c>.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="FormatException">The text is not two whole numbers separated by '/', or the index is outside 0..N-1.</exception>
    public static SweepShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw new FormatException($"'{text}' is not a shard; expected I/N with whole numbers, such as 0/4.");
        }

        if (count < 1 || index >= count)
        {
            throw new FormatException($"'{text}' is not a shard; N must be at least 1 and I between 0 and N-1.");
        }

        return new SweepShard(index, count);
    }

    /// <summary>
    /// Picks the shard: an explicit <c>--shard</c> wins; else a Slurm job array
    /// (<c>SLURM_ARRAY_TASK_ID</c> minus <c>SLURM_ARRAY_TASK_MIN</c>, of <c>SLURM_ARRAY_TASK_COUNT</c>);
    /// else a Kubernetes indexed Job (<c>JOB_COMPLETION_INDEX</c> of <paramref name="count"/> or
    /// <c>SWEEP_SHARD_COUNT</c>); else the whole sweep.
    /// </summary>
    /// <param name="shard">The <c>--shard</c> text, or null.</param>
    /// <param name="count">A shard count given on the command line, used with an index from the environment; or null.</param>
    /// <param name="environment">The environment variables (null reads the process environment).</param>
    /// <returns>The shard.</returns>
    /// <exception cref="FormatException">The option or a variable is malformed, or an index comes without a count; the message names the variable.</exception>
    public static SweepShard Resolve(string? shard, int? count = null, IDictionary? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(shard))
        {
            var parsed = Parse(shard);
            if (count is int given && given != parsed.Count)
            {
                throw new FormatException($"--shard {shard} says {parsed.Count} shards but the shard count given is {given}.");
            }

            return parsed;
        }

        environment ??= Environment.GetEnvironmentVariables();
        string? Get(string name) => environment[name] as string is { Length: > 0 } value ? value.Trim() : null;

        if (Get(SlurmTaskIdVariable) is string slurmId)
        {
            int id = ParseVariable(SlurmTaskIdVariable, slurmId);
            int min = Get(SlurmTaskMinVariable) is string minText ? ParseVariable(SlurmTaskMinVariable, minText) : 0;
            int slurmCount = count ?? (Get(SlurmTaskCountVariable) is string countText
                ? ParseVariable(SlurmTaskCountVariable, countText)
                : throw new FormatException($"{SlurmTaskIdVariable} is set but {SlurmTaskCountVariable} is not; give the shard count explicitly."));
            return Checked(id - min, slurmCount, $"{SlurmTaskIdVariable}={slurmId} (minimum {min}) of {slurmCount} tasks; use a contiguous array such as --array=0-{slurmCount - 1}");
        }

        if (Get(KubernetesIndexVariable) is string k8sIndex)
        {
            int index = ParseVariable(KubernetesIndexVariable, k8sIndex);
            int k8sCount = count ?? (Get(ShardCountVariable) is string countText
                ? ParseVariable(ShardCountVariable, countText)
                : throw new FormatException($"{KubernetesIndexVariable} is set but the shard count is not; set {ShardCountVariable} to the Job's completions or give the count explicitly."));
            return Checked(index, k8sCount, $"{KubernetesIndexVariable}={k8sIndex} of {k8sCount} shards");
        }

        if (count is int onlyCount && onlyCount != 1)
        {
            throw new FormatException($"A shard count of {onlyCount} was given but no shard index: pass --shard I/{onlyCount} or run under a Slurm array or an indexed Job.");
        }

        return All;
    }

    private static SweepShard Checked(int index, int count, string what)
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new FormatException($"No valid shard from {what}: the index must be between 0 and the count minus 1.");
        }

        return new SweepShard(index, count);
    }

    private static int ParseVariable(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new FormatException($"The environment variable {name}='{value}' is not a whole number.");
}
