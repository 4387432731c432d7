using System.Text.Json;
using GanKit.Samples.Dcgan.Cli;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>
/// What a run folder was trained with, stored as <c>run.json</c> so <c>evaluate</c>,
/// <c>generate</c> and <c>--resume</c> rebuild the same architecture without being told again.
/// </summary>
/// <param name="Conditional">
/// Whether the run trained the class-conditional version of <paramref name="Arch"/>
/// (<c>train --conditional</c>); a <c>run.json</c> written before conditional runs existed has no
/// such key and reads as false, which is what those runs were.
/// </param>
internal sealed record RunInfo(string Arch, int Seed, int Epochs, int BatchSize, double LearningRate, int? MaxBatches, bool Conditional = false)
{
    /// <summary>The run's name in messages: <c>conditional modified seed 3</c>.</summary>
    public string Describe() => $"{Architectures.DisplayName(Arch, Conditional)} seed {Seed}";

    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Writes <c>run.json</c> into <paramref name="runFolder"/>.</summary>
    public void Save(string runFolder) =>
        File.WriteAllText(Path.Combine(runFolder, FileName), JsonSerializer.Serialize(this, Options));

    /// <summary>Finds the run folder for a <c>--checkpoint</c> argument: the run folder itself or a folder below it.</summary>
    /// <exception cref="UsageException">No <c>run.json</c> is found in the folder or up to two levels above.</exception>
    public static string FindRunFolder(string checkpointArgument)
    {
        string? folder = Path.GetFullPath(checkpointArgument);
        // The argument may be the run folder, its checkpoints folder or one checkpoint in it.
        for (int level = 0; level < 3 && folder is not null; level++)
        {
            if (File.Exists(Path.Combine(folder, FileName)))
            {
                return folder;
            }

            folder = Path.GetDirectoryName(folder);
        }

        throw new UsageException($"--checkpoint '{checkpointArgument}' is not a run folder written by train (no {FileName} in it or above it).");
    }

    /// <summary>Reads <c>run.json</c> from <paramref name="runFolder"/>.</summary>
    /// <exception cref="UsageException">The file is missing or unreadable.</exception>
    public static RunInfo Load(string runFolder)
    {
        string path = Path.Combine(runFolder, FileName);
        try
        {
            var info = JsonSerializer.Deserialize<RunInfo>(File.ReadAllText(path), Options)
                ?? throw new UsageException($"{path} is empty.");
            if (!SampleOptions.Architectures.Contains(info.Arch))
            {
                throw new UsageException($"{path} names architecture '{info.Arch}'; expected one of {string.Join(", ", SampleOptions.Architectures)}.");
            }

            return info;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            throw new UsageException($"Cannot read {path}: {ex.Message}");
        }
    }
}
