using System.Text.Json;
using GanKit.Sweeps;

namespace GanKit.Sweeps.Tests;

/// <summary>A schema like the sample's, and helpers to build sweep folders.</summary>
internal static class SweepTestSupport
{
    public static SweepSchema Schema { get; } = new(
        [
            SweepParameter.Number("generatorLearningRate", minimum: 0, exclusive: true),
            SweepParameter.Number("discriminatorLearningRate", minimum: 0, exclusive: true),
            SweepParameter.Integer("batchSize", minimum: 1),
            SweepParameter.Choice("loss", ["NonSaturating", "Hinge", "Wasserstein"]),
            SweepParameter.Boolean("useEma"),
            SweepParameter.Number("emaDecay", minimum: 0, maximum: 1, maximumExclusive: true),
        ],
        ["original", "modified"]);

    public static SweepDefinition Parse(string json) => SweepDefinition.Parse(json, Schema, "test.sweep.json");

    /// <summary>2 architectures x 2 learning rates x 2 seeds = 8 runs, 4 configurations.</summary>
    public const string SmallSweep = """
        {
          "name": "small",
          "architectures": ["original", "modified"],
          "seeds": [1, 2],
          "epochs": 1,
          "maxBatchesPerEpoch": 2,
          "evaluationSamples": 64,
          "fixed": { "batchSize": 16 },
          "grid": { "generatorLearningRate": [0.0002, 0.0001] }
        }
        """;

    public static string NewDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "gankit-sweep-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void WriteSummary(string runDirectory, double fid, double kid = 0.1, double score = 5, double precision = 0.5, double recall = 0.5)
    {
        Directory.CreateDirectory(runDirectory);
        File.WriteAllText(Path.Combine(runDirectory, SweepSummary.FileName), JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["fid"] = fid,
            ["kid"] = kid,
            ["classifier_score"] = score,
            ["precision"] = precision,
            ["recall"] = recall,
        }));
    }
}
